/** Session: who runs the script, and the script's time zone. */
import { ServiceObject } from '../realm';

export class UserModel extends ServiceObject {
  readonly kind = 'User';
  readonly service = 'session' as const;
  constructor(private readonly email: string) {
    super();
  }
  getEmail() {
    return this.email;
  }
}

export class SessionModel extends ServiceObject {
  readonly kind = 'Session';
  readonly service = 'session' as const;

  constructor(
    private readonly active: () => string,
    private readonly effective: string,
    private readonly timeZone: string,
  ) {
    super();
  }

  getActiveUser() {
    return new UserModel(this.active());
  }
  getEffectiveUser() {
    return new UserModel(this.effective);
  }
  getScriptTimeZone() {
    return this.timeZone;
  }
  getTemporaryActiveUserKey() {
    return 'temporary-key';
  }
}
