import { UserError } from '../core/errors';

/** Menu functions whose feature has not landed yet say so instead of failing obscurely. */
export function notBuiltYet(feature: string): never {
  throw new UserError(`Chức năng «${feature}» đang được xây dựng và sẽ có trong phiên bản sau.`);
}
