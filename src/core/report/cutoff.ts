/**
 * The report's data cut-off (docs/SPEC.md §5): statuses are evaluated with T = C, the period's
 * `Đến ngày` (never after today), so a report made for a past quarter says what stood at its end.
 */
import type { Day } from '../days';
import type { Outcome } from '../evaluate';
import type { PeriodRow, TaskRow } from '../rows';
import { type Clock, evaluateTask } from '../rules';
import { STATUS, type TaskStatus } from '../../contract/status';
import { normalizeLabel } from '../text';

type Task = Outcome<TaskRow, TaskStatus>;

/** C: `Đến ngày` when given and not after today, else today. */
export function cutoffOf(period: { row: Partial<PeriodRow> }, today: Day): Day {
  const to = period.row.to ?? null;
  return to !== null && to < today ? to : today;
}

/** A task as it stood at C, and whether it is the report being written. */
export interface TaskAtCutoff extends Task {
  /** This task is the report of the period being reported (docs/SPEC.md §3): never pending. */
  isThisReport: boolean;
  /** Completed after C: its `Kết quả thực hiện` belongs to a later report. */
  completedLater: boolean;
}

/**
 * Re-evaluates a task at C. A completion after C counts as none (and a progress of 100 as
 * unknown); a row in error stays in error. The task that is this period's report counts as
 * completed by this report: on time when the report is made by its due date.
 */
export function taskAtCutoff(task: Task, clock: Clock, cutoff: Day, periodCode: string): TaskAtCutoff {
  const isThisReport = !!task.row.period && normalizeLabel(task.row.period) === normalizeLabel(periodCode);
  const completed = task.row.completed ?? null;
  const completedLater = completed !== null && completed > cutoff;
  if (task.status === STATUS.error) return { ...task, isThisReport, completedLater };
  if (isThisReport) {
    const due = task.row.deadline?.kind === 'date' ? task.row.deadline.day : null;
    const late = due !== null && (completed ?? clock.today) > due;
    return { ...task, status: late ? STATUS.doneLate : STATUS.done, isThisReport, completedLater: false };
  }
  if (cutoff === clock.today && !completedLater) return { ...task, isThisReport, completedLater };
  const row = completedLater
    ? { ...task.row, completed: null, progress: task.row.progress === 100 ? null : (task.row.progress ?? null) }
    : task.row;
  const { status } = evaluateTask({ value: row, problems: [] }, { ...clock, today: cutoff });
  return { ...task, row, status, isThisReport, completedLater };
}
