/**
 * A block's long computation on screen: an accessible <progress> with a Cancel button while a job that is
 * expected to take long runs, "Cancelled." with a Compute button after the reader stopped it, or why it failed.
 */
import { t, type Lang } from '../../i18n';
import type { Listen } from './listen';

/** The progress row of one block: built on first use (most blocks never run long work), hidden when idle. */
export class JobProgress {
  private parts: { bar: HTMLProgressElement; status: HTMLElement; cancel: HTMLElement; resume: HTMLElement } | null =
    null;

  constructor(
    private readonly row: HTMLElement,
    private readonly lang: Lang,
    private readonly listen: Listen,
    private readonly actions: { cancel(): void; resume(): void },
  ) {}

  /** A job's progress (null: none running); the bar shows only for jobs expected to take long. */
  show(progress: { fraction: number; bar: boolean } | null): void {
    if (progress === null || !progress.bar) {
      if (this.row.dataset.state === 'running') this.hide();
      return;
    }
    const p = this.build();
    this.setState('running');
    p.bar.value = progress.fraction;
  }

  /** A message in place of the bar (cancelled, failed); `resumable` offers the Compute button. */
  showStatus(text: string, resumable: boolean): void {
    const p = this.build();
    this.setState('status');
    p.status.setText(text);
    p.resume.toggle(resumable);
  }

  private setState(state: 'running' | 'status'): void {
    const p = this.build();
    const running = state === 'running';
    this.row.dataset.state = state;
    this.row.toggle(true);
    p.bar.toggle(running);
    p.cancel.toggle(running);
    if (running) {
      p.status.setText('');
      p.resume.toggle(false);
    }
  }

  private build(): NonNullable<JobProgress['parts']> {
    if (this.parts) return this.parts;
    const { row, lang, listen } = this;
    row.addClass('activation-lab-progress');
    const bar = row.createEl('progress', { attr: { max: '1', 'aria-label': t(lang, 'demo.jobProgress') } });
    const status = row.createSpan({ cls: 'activation-lab-progress-status', attr: { 'aria-live': 'polite' } });
    const cancel = row.createEl('button', { text: t(lang, 'demo.jobCancel') });
    const resume = row.createEl('button', { text: t(lang, 'demo.jobResume') });
    listen(cancel, 'click', () => {
      this.actions.cancel();
      this.showStatus(t(lang, 'demo.jobCancelled'), true);
    });
    listen(resume, 'click', () => this.actions.resume());
    this.parts = { bar, status, cancel, resume };
    return this.parts;
  }

  private hide(): void {
    this.row.dataset.state = 'idle';
    this.row.toggle(false);
  }
}
