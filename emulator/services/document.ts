/** DocumentApp: not modelled yet; the feature that first uses it fills this in. */
import { ServiceObject } from '../realm';

export class DocumentAppModel extends ServiceObject {
  readonly kind = 'DocumentApp';
  readonly service = 'document' as const;
}
