/** MailApp: not modelled yet; the feature that first uses it fills this in. */
import { ServiceObject } from '../realm';

export class MailAppModel extends ServiceObject {
  readonly kind = 'MailApp';
  readonly service = 'mail' as const;
}
