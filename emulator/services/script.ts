/** ScriptApp: not modelled yet; the feature that first uses it fills this in. */
import { ServiceObject } from '../realm';

export class ScriptAppModel extends ServiceObject {
  readonly kind = 'ScriptApp';
  readonly service = 'script' as const;
}
