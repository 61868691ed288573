/** The human report of an init plan: what it writes (or would), what it skipped, what to merge by hand. */
import type { InitAction, InitPlan } from './types.js';

const describe = (action: InitAction) =>
  action.kind === 'append' ? `${action.path} (${action.why}: ${action.lines.join(' ')})` : `${action.path} (${action.why})`;

/** The layout line: which folders tovrun will run. */
function layoutLines(plan: InitPlan): string[] {
  const { layout } = plan;
  if (layout.nodeServices.length + layout.devScripts.length > 0) {
    const services = layout.nodeServices.map(
      (service) => `${service.name} (${service.dir}, ${service.command}${service.port === null ? '' : `, port ${service.port}`})`,
    );
    return [`Node services: ${services.join(', ') || '(none: no package has a start script or an entry file)'}`];
  }
  if (!plan.adopts) return [`Preset: ${plan.preset}`];
  return [`Backend: ${layout.backend ?? '(none found)'}`, `Frontend: ${layout.frontend ?? '(none found)'}`];
}

/** The report as lines of text; dryRun words it as a plan. */
export function formatInitPlan(plan: InitPlan, dryRun: boolean): string {
  const lines = [...layoutLines(plan)];
  if (plan.actions.length === 0) lines.push('Nothing to do: tovrun is already set up here.');
  else {
    lines.push(dryRun ? 'Would write (dry run, nothing written):' : 'Wrote:');
    lines.push(...plan.actions.map((action) => `  + ${describe(action)}`));
  }
  if (plan.skipped.length > 0) {
    lines.push('Skipped (already there, never overwritten):');
    lines.push(...plan.skipped.map((skip) => `  = ${skip.path}${skip.reason === 'exists' ? '' : ` — ${skip.reason}`}`));
  }
  if (plan.mergeCandidates.length > 0) {
    lines.push('Per-folder files to merge into the root ones, then delete (key names only, values never shown):');
    lines.push(...plan.mergeCandidates.map((candidate) => `  ~ ${candidate.path} → ${candidate.into}: ${candidate.differences}`));
  }
  if (plan.actions.length > 0 && !dryRun)
    lines.push('Next: review .env, then run `./tovrun` (Windows: `.\\tovrun`), which installs the pinned tovrun on first use (see SETUP.md).');
  return `${lines.join('\n')}\n`;
}
