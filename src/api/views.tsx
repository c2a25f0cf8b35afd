import { formatDateline } from '../lib/time.ts';
import { Notice } from '../newsroom/views/auth-pages.tsx';
import { Field, ListTable, PostForm, SubmitButton } from '../newsroom/views/fields.tsx';
import { type NewsroomContext, NewsroomLayout } from '../newsroom/views/layout.tsx';
import type { DeliveryInfo, EndpointInfo } from '../webhooks/webhooks.ts';
import { WEBHOOK_EVENTS } from '../webhooks/webhooks.ts';
import type { ApiKeyInfo, ApiSettings } from './keys.ts';
import { apiMessages } from './messages.ts';

/** Where the newsroom's API pages live. */
export const API_ADMIN = '/newsroom/api';

type Errors = Partial<Record<'name' | 'rate' | 'url' | 'events', string>>;

/** The admin page: API keys, the public-read setting and webhook endpoints. */
export function ApiAdminPage(props: {
  ctx: NewsroomContext;
  keys: ApiKeyInfo[];
  settings: ApiSettings;
  endpoints: EndpointInfo[];
  notice?: string;
  newKey?: string;
  newSecret?: string;
  errors?: Errors;
  values?: Record<string, string>;
}) {
  const { ctx, errors = {}, values = {} } = props;
  const m = apiMessages.t(ctx.lang);
  const when = (ms: number | null) => (ms ? formatDateline(ms, ctx.zone, ctx.lang) : m.never);
  return (
    <NewsroomLayout ctx={ctx} title={m.title} wide>
      <h1>{m.title}</h1>
      {props.notice && <Notice kind="ok">{props.notice}</Notice>}
      {props.newKey && (
        <Notice kind="warn">
          {m.newKey} <code class="secret">{props.newKey}</code>
        </Notice>
      )}
      {props.newSecret && (
        <Notice kind="warn">
          {m.newSecret} <code class="secret">{props.newSecret}</code>
        </Notice>
      )}
      <p>
        <a href={`${API_ADMIN}/referensi`}>{m.reference}</a>
      </p>
      <section class="card spaced">
        <h2>{m.keys}</h2>
        <p class="hint">{m.keysHint}</p>
        {props.keys.length === 0 ? (
          <p>{m.noKeys}</p>
        ) : (
          <ListTable headers={[m.name, m.prefix, m.rate, m.created, m.lastUsed, m.state]}>
            {props.keys.map((k) => (
              <tr key={k.id}>
                <td>{k.name}</td>
                <td>
                  <code>{k.prefix}…</code>
                </td>
                <td>{k.ratePerMinute}</td>
                <td>{when(k.createdAt)}</td>
                <td>{when(k.lastUsedAt)}</td>
                <td>
                  {k.revokedAt ? (
                    m.revoked
                  ) : (
                    <PostForm ctx={ctx} action={`${API_ADMIN}/kunci/${k.id}/cabut`}>
                      {m.active} <SubmitButton class="btn btn-danger">{m.revoke}</SubmitButton>
                    </PostForm>
                  )}
                </td>
              </tr>
            ))}
          </ListTable>
        )}
        <PostForm ctx={ctx} action={`${API_ADMIN}/kunci`}>
          <Field
            name="name"
            label={m.name}
            value={values.name}
            error={errors.name}
            maxLength={100}
          />
          <Field
            name="rate"
            label={m.rate}
            value={values.rate ?? '600'}
            error={errors.rate}
            inputmode="numeric"
          />
          <SubmitButton>{m.createKey}</SubmitButton>
        </PostForm>
      </section>
      <section class="card spaced">
        <h2>{m.settings}</h2>
        <PostForm ctx={ctx} action={`${API_ADMIN}/setelan`}>
          <div class="field">
            <label>
              <input
                type="checkbox"
                name="publicRead"
                value="1"
                checked={props.settings.publicRead}
              />{' '}
              {m.publicRead}
            </label>
            <p class="hint">{m.publicReadHint}</p>
          </div>
          <div class="field">
            <label>
              <input
                type="checkbox"
                name="feedFullText"
                value="1"
                checked={props.settings.feedFullText}
              />{' '}
              {m.feedFullText}
            </label>
            <p class="hint">{m.feedFullTextHint}</p>
          </div>
          <SubmitButton>{m.save}</SubmitButton>
        </PostForm>
      </section>
      <section class="card spaced">
        <h2>{m.webhooks}</h2>
        <p class="hint">{m.webhooksHint}</p>
        {props.endpoints.length === 0 ? (
          <p>{m.noWebhooks}</p>
        ) : (
          <ListTable headers={[m.url, m.events, m.state, '']}>
            {props.endpoints.map((e) => (
              <tr key={e.id}>
                <td>
                  <code>{e.url}</code>
                </td>
                <td>{e.events.join(', ')}</td>
                <td>
                  {e.pausedAt ? (
                    <PostForm ctx={ctx} action={`${API_ADMIN}/webhook/${e.id}/lanjutkan`}>
                      {m.paused} <SubmitButton>{m.resume}</SubmitButton>
                    </PostForm>
                  ) : (
                    m.active
                  )}
                </td>
                <td>
                  <a href={`${API_ADMIN}/webhook/${e.id}`}>{m.log}</a>
                  <PostForm ctx={ctx} action={`${API_ADMIN}/webhook/${e.id}/hapus`}>
                    <SubmitButton class="btn btn-danger">{m.remove}</SubmitButton>
                  </PostForm>
                </td>
              </tr>
            ))}
          </ListTable>
        )}
        <PostForm ctx={ctx} action={`${API_ADMIN}/webhook`}>
          <Field name="url" label={m.url} value={values.url} error={errors.url} maxLength={2000} />
          <fieldset class="field">
            <legend>{m.events}</legend>
            {WEBHOOK_EVENTS.map((ev) => (
              <label key={ev}>
                <input type="checkbox" name="events" value={ev} /> <code>{ev}</code>
              </label>
            ))}
            {errors.events && <p class="field-error">{errors.events}</p>}
          </fieldset>
          <div class="field">
            <label>
              <input type="checkbox" name="allowPrivate" value="1" /> {m.allowPrivate}
            </label>
            <p class="hint">{m.allowPrivateHint}</p>
          </div>
          <SubmitButton>{m.addWebhook}</SubmitButton>
        </PostForm>
      </section>
    </NewsroomLayout>
  );
}

/** One endpoint's delivery log, newest first, with "send again". */
export function DeliveryLogPage(props: {
  ctx: NewsroomContext;
  endpoint: EndpointInfo;
  deliveries: DeliveryInfo[];
  notice?: string;
}) {
  const { ctx } = props;
  const m = apiMessages.t(ctx.lang);
  const when = (ms: number) => formatDateline(ms, ctx.zone, ctx.lang);
  return (
    <NewsroomLayout ctx={ctx} title={m.logTitle(props.endpoint.url)} wide>
      <h1>{m.logTitle(props.endpoint.url)}</h1>
      <p>
        <a href={API_ADMIN}>{m.back}</a>
      </p>
      {props.notice && <Notice kind="ok">{props.notice}</Notice>}
      {props.deliveries.length === 0 ? (
        <p>{m.noDeliveries}</p>
      ) : (
        <ListTable headers={[m.time, m.event, m.status, m.duration, m.response, '']}>
          {props.deliveries.map((d) => (
            <tr key={d.id}>
              <td>{when(d.lastAttemptAt ?? d.createdAt)}</td>
              <td>
                <code>{d.event}</code>
              </td>
              <td>
                {m.deliveryStatus[d.status] ?? d.status}
                {d.responseStatus != null && ` (HTTP ${d.responseStatus})`}
                <div class="hint">{m.attempts(d.attempts)}</div>
                {d.error && <div class="hint">{d.error}</div>}
              </td>
              <td>{d.durationMs == null ? '' : `${d.durationMs} ms`}</td>
              <td>
                <pre class="mail">{d.excerpt}</pre>
              </td>
              <td>
                <PostForm ctx={ctx} action={`${API_ADMIN}/webhook/kirim/${d.id}`}>
                  <SubmitButton>{m.sendAgain}</SubmitButton>
                </PostForm>
              </td>
            </tr>
          ))}
        </ListTable>
      )}
    </NewsroomLayout>
  );
}

type Json = Record<string, unknown>;

/** A schema's type as a short readable string (`Article`, `string[]`, `integer | null`). */
function typeOf(s: Json | undefined): string {
  if (!s) return '';
  if (typeof s.$ref === 'string') return s.$ref.split('/').pop() ?? '';
  if (Array.isArray(s.anyOf)) return (s.anyOf as Json[]).map(typeOf).join(' | ');
  if (s.type === 'array') return `${typeOf(s.items as Json)}[]`;
  if (Array.isArray(s.enum)) return (s.enum as unknown[]).map(String).join(' | ');
  return String(s.type ?? (s.format ? `string (${s.format})` : 'object'));
}

/** The API reference, rendered on the server from the OpenAPI document (no third-party script). */
export function ReferencePage({ ctx, doc }: { ctx: NewsroomContext; doc: Json }) {
  const m = apiMessages.t(ctx.lang);
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Json>>;
  const schemas = ((doc.components as Json)?.schemas ?? {}) as Record<string, Json>;
  return (
    <NewsroomLayout ctx={ctx} title={m.reference} wide>
      <h1>{m.reference}</h1>
      <p>
        {m.referenceHint} <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>
      </p>
      {Object.entries(paths).map(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => (
          <section class="card spaced" key={`${method} ${path}`} id={`${method}-${path}`}>
            <h2>
              <code>
                {method.toUpperCase()} {path}
              </code>
            </h2>
            {typeof op.summary === 'string' && <p>{op.summary}</p>}
            {Array.isArray(op.parameters) && op.parameters.length > 0 && (
              <>
                <h3>{m.parameters}</h3>
                <ListTable headers={[m.field, m.type, m.description]}>
                  {(op.parameters as Json[]).map((p) => (
                    <tr key={String(p.name)}>
                      <td>
                        <code>{String(p.name)}</code> ({String(p.in)}
                        {p.required ? `, ${m.required}` : ''})
                      </td>
                      <td>{typeOf(p.schema as Json)}</td>
                      <td>{String(p.description ?? (p.schema as Json)?.description ?? '')}</td>
                    </tr>
                  ))}
                </ListTable>
              </>
            )}
            <h3>{m.responses}</h3>
            <ul>
              {Object.entries((op.responses ?? {}) as Record<string, Json>).map(([status, r]) => {
                const content = (r.content as Record<string, { schema?: Json }>)?.[
                  'application/json'
                ];
                return (
                  <li key={status}>
                    <code>{status}</code> {typeOf(content?.schema)}
                  </li>
                );
              })}
            </ul>
          </section>
        )),
      )}
      <h2>{m.schemas}</h2>
      {Object.entries(schemas).map(([name, s]) => (
        <section class="card spaced" key={name} id={`schema-${name}`}>
          <h3>
            <code>{name}</code>
          </h3>
          <ListTable headers={[m.field, m.type, m.description]}>
            {Object.entries((s.properties ?? {}) as Record<string, Json>).map(([prop, ps]) => (
              <tr key={prop}>
                <td>
                  <code>{prop}</code>
                  {Array.isArray(s.required) && s.required.includes(prop) ? ` (${m.required})` : ''}
                </td>
                <td>{typeOf(ps)}</td>
                <td>{String(ps.description ?? '')}</td>
              </tr>
            ))}
          </ListTable>
        </section>
      ))}
    </NewsroomLayout>
  );
}
