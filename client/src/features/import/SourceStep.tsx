// Step 1 of an import: paste or drop the source, pick its kind, the zone and date its times are read in.
import { useMemo, useState, type DragEvent } from 'react';
import { LOG_LEVELS, slackChannels, type LogLevel } from '@hindsight/importers';
import { KIND_LABELS, SOURCE_KINDS, type SourceKind } from './sourceKinds.ts';
import type { ImportFlow } from './useImportFlow.ts';
import { knownZones } from '../../app/timeZone.ts';

const ZONES = knownZones();

export function SourceStep({ flow }: { flow: ImportFlow }) {
  const { settings, setSettings, files } = flow;
  const [over, setOver] = useState(false);
  const channels = useMemo(() => (settings.kind === 'slack' ? slackChannels(files) : []), [settings.kind, files]);
  const hasSource = files.length > 0 || flow.text.trim() !== '';
  const zoneless = settings.kind !== 'slack' && settings.kind !== 'alerts';
  const set = (patch: Partial<typeof settings>): void => setSettings((s) => ({ ...s, ...patch }));
  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    setOver(false);
    if (e.dataTransfer.files.length) void flow.addFiles([...e.dataTransfer.files]);
  };
  return (
    <form
      className="import-source"
      onSubmit={(e) => {
        e.preventDefault();
        if (hasSource) void flow.parse();
      }}
    >
      <div
        className={`import-drop${over ? ' is-over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <label className="field">
          <span>Paste a table, chat log, alert JSON or log lines</span>
          <textarea
            className="input mono import-paste"
            rows={8}
            value={flow.text}
            onChange={(e) => flow.paste(e.target.value)}
            placeholder={'14:32\tError rate alert fired\tPagerDuty\n14:41\tRolled back deploy 4812'}
            data-testid="import-paste"
          />
        </label>
        <p className="muted small">
          …or drop files here, or{' '}
          <label className="linkish">
            choose files
            <input
              type="file"
              multiple
              className="visually-hidden"
              accept=".zip,.json,.log,.txt,.csv,.tsv"
              onChange={(e) => e.target.files && void flow.addFiles([...e.target.files])}
            />
          </label>{' '}
          (a Slack export as a .zip or its JSON files).
        </p>
        {files.length > 0 && (
          <p className="small" data-testid="import-files">
            {files.length === 1 ? files[0]!.name : `${files.length} files`} ready
          </p>
        )}
      </div>
      <div className="import-settings">
        <label className="field">
          <span>What it is</span>
          <select className="input" value={settings.kind} onChange={(e) => set({ kind: e.target.value as SourceKind })}>
            {SOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        {zoneless && (
          <>
            <label className="field">
              <span>Times without a zone are in</span>
              <input
                className="input"
                list="import-zones"
                value={settings.timeZone}
                onChange={(e) => set({ timeZone: e.target.value })}
              />
              <datalist id="import-zones">
                {ZONES.map((z) => (
                  <option key={z} value={z} />
                ))}
              </datalist>
            </label>
            <label className="field">
              <span>Date for times without one (empty: the day nearest the incident)</span>
              <input
                className="input"
                type="date"
                value={settings.date}
                onChange={(e) => set({ date: e.target.value })}
              />
            </label>
          </>
        )}
        {channels.length > 1 && (
          <label className="field">
            <span>Channel</span>
            <select className="input" value={settings.channel} onChange={(e) => set({ channel: e.target.value })}>
              <option value="">Choose a channel</option>
              {channels.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
        )}
      </div>
      {settings.kind === 'logs' && <LogFilterFields flow={flow} />}
      <div className="dialog-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={!hasSource || (channels.length > 1 && !settings.channel)}
        >
          Preview
        </button>
      </div>
    </form>
  );
}

function LogFilterFields({ flow }: { flow: ImportFlow }) {
  const f = flow.settings.logFilter;
  const set = (patch: Partial<typeof f>): void =>
    flow.setSettings((s) => ({ ...s, logFilter: { ...s.logFilter, ...patch } }));
  return (
    <fieldset className="import-settings">
      <legend>Bring in only the lines that matter</legend>
      <label className="field">
        <span>Containing</span>
        <input className="input" value={f.contains} onChange={(e) => set({ contains: e.target.value })} />
      </label>
      <label className="field">
        <span>Matching (regular expression)</span>
        <input className="input mono" value={f.regex} onChange={(e) => set({ regex: e.target.value })} />
      </label>
      <label className="field">
        <span>Level at least</span>
        <select
          className="input"
          value={f.minLevel}
          onChange={(e) => set({ minLevel: e.target.value as LogLevel | '' })}
        >
          <option value="">Any level</option>
          {LOG_LEVELS.map((l) => (
            <option key={l}>{l}</option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
