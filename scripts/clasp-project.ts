/**
 * Writes `.clasp.json` (untracked: each maintainer's own script) from a script id or the script
 * editor's URL, so a set-up leaves the working tree clean. `--check` only says whether it is there.
 * With `--hub`, the same for the province hub's project: `.clasp-hub.json`, rootDir dist-hub.
 *   npm run clasp:project -- --script-id 1AbC…            (Project settings › IDs › Script ID)
 *   npm run clasp:project -- --script-id https://script.google.com/home/projects/1AbC…/edit
 *   npm run clasp:project -- --hub --script-id 1XyZ…      (the hub, bound to the province's workbook)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseOptions, runCli, UsageError } from './cli';

const ID = /^[A-Za-z0-9_-]{20,}$/;

const OPTIONS = {
  'script-id': { value: 'ID_HOẶC_URL', check: (v: string) => (scriptId(v) ? undefined : 'không phải mã dự án Apps Script') },
  check: {},
  hub: {},
};

/** The id itself, or the one inside an editor URL (`/projects/<id>/` or `/d/<id>/`). */
function scriptId(value: string): string | undefined {
  const id = /\/(?:projects|d)\/([A-Za-z0-9_-]+)/.exec(value)?.[1] ?? value.trim();
  return ID.test(id) ? id : undefined;
}

await runCli(() => {
  const args = parseOptions(OPTIONS);
  const [FILE, rootDir] = args.hub ? ['.clasp-hub.json', 'dist-hub'] : ['.clasp.json', 'dist'];
  const push = args.hub ? 'npm run push:hub' : 'npm run push';
  if (args.check) {
    const id = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as { scriptId?: string }).scriptId : undefined;
    if (!id || !ID.test(id))
      throw new UsageError(
        `Chưa có ${FILE}: chạy npm run clasp:project --${args.hub ? ' --hub' : ''} --script-id <mã dự án Apps Script>.`,
      );
    return;
  }
  const id = args['script-id'] && scriptId(args['script-id']);
  if (!id) throw new UsageError('Cần --script-id: mã dự án trong Apps Script › Cài đặt dự án › Mã tập lệnh.');
  writeFileSync(FILE, `${JSON.stringify({ scriptId: id, rootDir }, null, 2)}\n`);
  console.log(`Đã ghi ${FILE} (rootDir ${rootDir}): ${push} sẽ gửi bản đã kiểm thử lên dự án ${id}.`);
});
