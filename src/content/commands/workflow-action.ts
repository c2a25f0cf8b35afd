import type { ScheduleHook, WorkflowAction } from '../workflow.ts';
import type { ArticleCommandProps } from './article-step.ts';
import { articlePublisher } from './publish-article.ts';
import {
  articleApprover,
  articleDeleter,
  articleReturner,
  articleSubmitter,
  articleWithdrawer,
} from './review-article.ts';
import { articleScheduler } from './schedule-article.ts';
import { articleUnpublisher } from './unpublish-article.ts';

export interface WorkflowActionProps extends ArticleCommandProps {
  action: WorkflowAction;
  /** For `schedule`: when to go live. */
  scheduleAt?: number;
  /** For `return`: the editor's note; for `unpublish`: the reason. */
  note?: string;
  /** For `publish`: put the publication time at now (a genuinely new story). */
  bump?: boolean;
  /** For `schedule`: persists the publish job. */
  onSchedule?: ScheduleHook;
}

const noHook: ScheduleHook = async () => {};

/** Runs the command named by a workflow action (the newsroom's action buttons post one). */
export async function runWorkflowAction(props: WorkflowActionProps) {
  switch (props.action) {
    case 'submit':
      return articleSubmitter(props);
    case 'withdraw':
      return articleWithdrawer(props);
    case 'approve':
      return articleApprover(props);
    case 'publish':
      return articlePublisher(props);
    case 'schedule':
      return articleScheduler({
        ...props,
        scheduleAt: props.scheduleAt,
        onSchedule: props.onSchedule ?? noHook,
      });
    case 'unpublish':
      return articleUnpublisher({ ...props, reason: props.note });
    case 'return':
      return articleReturner({ ...props, note: props.note });
    case 'delete':
      return articleDeleter(props);
  }
}
