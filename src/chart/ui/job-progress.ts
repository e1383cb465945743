/**
 * A block's long computation on screen: an accessible <progress> with a Cancel button while a job that is
 * expected to take long runs, "Cancelled." with a Compute button after the reader stopped it, or why it failed.
 */
import { t, type Lang } from '../../i18n';
import type { Listen } from './listen';

/** The progress row of one block (empty, and hidden, when nothing long is running). */
export class JobProgress {
  private readonly bar: HTMLProgressElement;
  private readonly status: HTMLElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly resumeButton: HTMLButtonElement;

  constructor(
    private readonly row: HTMLElement,
    lang: Lang,
    listen: Listen,
    actions: { cancel(): void; resume(): void },
  ) {
    row.addClass('activation-lab-progress');
    this.bar = row.createEl('progress', { attr: { max: '1', 'aria-label': t(lang, 'demo.jobProgress') } });
    this.bar.value = 0;
    this.status = row.createSpan({ cls: 'activation-lab-progress-status', attr: { 'aria-live': 'polite' } });
    this.cancelButton = row.createEl('button', { text: t(lang, 'demo.jobCancel') });
    this.resumeButton = row.createEl('button', { text: t(lang, 'demo.jobResume') });
    listen(this.cancelButton, 'click', () => {
      actions.cancel();
      this.showStatus(t(lang, 'demo.jobCancelled'), true);
    });
    listen(this.resumeButton, 'click', () => actions.resume());
    this.hide();
  }

  /** A job's progress (null: none running); the bar shows only for jobs expected to take long. */
  show(progress: { fraction: number; bar: boolean } | null): void {
    if (progress === null || !progress.bar) {
      if (this.row.dataset.state === 'running') this.hide();
      return;
    }
    this.row.dataset.state = 'running';
    this.row.toggle(true);
    this.bar.toggle(true);
    this.bar.value = progress.fraction;
    this.status.setText('');
    this.cancelButton.toggle(true);
    this.resumeButton.toggle(false);
  }

  /** A message in place of the bar (cancelled, failed); `resumable` offers the Compute button. */
  showStatus(text: string, resumable: boolean): void {
    this.row.dataset.state = 'status';
    this.row.toggle(true);
    this.bar.toggle(false);
    this.status.setText(text);
    this.cancelButton.toggle(false);
    this.resumeButton.toggle(resumable);
  }

  private hide(): void {
    this.row.dataset.state = 'idle';
    this.row.toggle(false);
  }
}
