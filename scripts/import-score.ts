/**
 * `npm run import:score`: imports each scored plan (the sample's source and the fixture plans) and
 * prints how its items compare with the hand-made expectations, then every miss.
 */
import { PLAN_CASES, scorePlan } from '../test/support/plan-score';

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const scores = [];
for (const c of PLAN_CASES) scores.push(await scorePlan(c));
console.log('| plan | expected | found | recall | precision | area | deadline | comparator+target | periods | settings |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const s of scores) {
  console.log(
    `| ${s.plan} | ${s.expected} | ${s.found} | ${pct(s.recall)} | ${pct(s.precision)} | ${pct(s.area)} | ${pct(s.deadline)} | ${pct(s.target)} | ${s.periods} | ${s.settings} |`,
  );
}
for (const s of scores) {
  if (!s.misses.length) continue;
  console.log(`\n${s.plan}:`);
  for (const m of s.misses) console.log(`- ${m.kind} ${m.what}: ${m.expected}${m.found ? ` ⇒ ${m.found}` : ''}`);
}
