/** DriveApp: not modelled yet; the feature that first uses it fills this in. */
import { ServiceObject } from '../realm';

export class DriveAppModel extends ServiceObject {
  readonly kind = 'DriveApp';
  readonly service = 'drive' as const;
}
