/** An error whose message is Vietnamese text meant for the user, shown as it is. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
