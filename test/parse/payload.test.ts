import { describe, expect, it } from 'vitest';
import { createParseEnv } from '../../src/parse/parse-env.js';
import { readPayload } from '../../src/parse/payload.js';
import { makeLinter } from '../helpers.js';

const env = createParseEnv().payloads;
const read = (value: unknown) => readPayload('request', value, env);
const values = (p: ReturnType<typeof read>) => Object.fromEntries(Object.values(p.prospect).map((f) => [f.key, f.value]));

describe('reading a payload', () => {
  it('leaves null and empty prospect values out, so they block nothing', async () => {
    const payload = { subject: 'Hi', body: 'Hi Dana, we help teams.', prospect: { firstName: 'Dana', middleName: null, company: '', title: 'Controller' } };
    expect(values(read(payload))).toEqual({ first_name: 'Dana', title: 'Controller' });
    const linter = await makeLinter();
    const r = await linter.lintPayload(payload, 'request');
    expect(r.findings.map((f) => f.ruleId)).not.toContain('unresolved-placeholder');
    expect(r.verdict).toBe('needs-signal');
  });

  it('falls through from an empty text field to the HTML one', () => {
    const p = read({ subject: 'Hi', bodyText: '', bodyHtml: '<p>Hi Dana,</p><p>We help teams.</p>' });
    expect(p.body).toBe('Hi Dana,\n\nWe help teams.');
    expect(p.fromHtml).toBe(true);
  });

  it('reads a body as HTML when a tag stands anywhere in it, not only first', () => {
    const p = read({ body: 'Dana,<br><br>We help <b>logistics</b> teams.' });
    expect(p.body).toBe('Dana,\n\nWe help logistics teams.');
    expect(read({ body: 'Hi Dana, <<OPENER: one line about their depot>> and 3 < 4.' }).fromHtml).toBe(false);
  });

  it('refuses an empty body, naming the paths it looked at', () => {
    expect(() => read({ data: { type: 'mailing', attributes: { subject: 'Hi', bodyText: '', bodyHtml: '' } } })).toThrow(
      'request: data.attributes.bodyText is empty; data.attributes.bodyHtml is empty, and no other body field holds text; send the email text in one of them; an empty email cannot be checked',
    );
    try {
      read({ body: '   ' });
    } catch (e) {
      expect((e as { field?: string }).field).toBe('body');
    }
    expect(() => read({ subject: 'Hi' })).toThrow('request: has no "body" or "html"; add the email text as "body" (plain text) or "html"');
  });

  it("maps the tools' prospect keys through the field aliases, and never takes a reference for a prospect", () => {
    expect(values(read({ body: 'Hi', contact: { firstname: 'Dana', lastname: 'Reyes', organization_name: 'Keel Freight', id: 7 } }))).toEqual({
      first_name: 'Dana',
      last_name: 'Reyes',
      company: 'Keel Freight',
    });
    expect(
      values(read({ email_subject: 'Hi', email_body: 'Hi', leadFirstName: 'Dana', companyName: 'Keel Freight', lead_email: 'dana@keel.example' })),
    ).toEqual({ first_name: 'Dana', company: 'Keel Freight', email: 'dana@keel.example' });
    expect(values(read({ body: 'Hi', lead: 'dana@keel.example' }))).toEqual({ email: 'dana@keel.example' });
    expect(values(read({ body: 'Hi', recipient: { id: 12, _href: 'https://api.example/v2/people/12' } }))).toEqual({});
  });

  it('reads the body under its envelope: JSON:API attributes, HubSpot properties and their {value} form, body.text', () => {
    const outreach = read({
      data: { type: 'mailing', id: '1', attributes: { subject: 'Reno', bodyHtml: '<p>Hi Dana</p>' } },
      included: [
        { type: 'account', attributes: { name: 'x' } },
        { type: 'prospect', attributes: { firstName: 'Dana', company: 'Keel Freight' } },
      ],
    });
    expect([outreach.envelope, outreach.subject, outreach.body, values(outreach)]).toEqual([
      'outreach',
      'Reno',
      'Hi Dana',
      { first_name: 'Dana', company: 'Keel Freight' },
    ]);
    const hubspot = read({ properties: { hs_email_subject: { value: 'Reno' }, hs_email_text: { value: 'Hi Dana' } } });
    expect([hubspot.envelope, hubspot.subject, hubspot.body]).toEqual(['hubspot', 'Reno', 'Hi Dana']);
    const instantly = read({ subject: 'Reno', body: { text: 'Hi Dana', html: '<p>Hi Dana</p>' } });
    expect([instantly.subject, instantly.body, instantly.fromHtml]).toEqual(['Reno', 'Hi Dana', false]);
  });

  it("reads Gmail's raw MIME as a message, with its To: as the prospect", async () => {
    const mime = 'To: "Dana Reyes" <dana@keel.example>\r\nSubject: Reno\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHi Dana,\r\n\r\nWe help teams.\r\n';
    const raw = Buffer.from(mime).toString('base64url');
    const linter = await makeLinter();
    const r = await linter.lintPayload({ id: 'r-1', message: { id: 'm-1', raw } }, 'request');
    expect(r.draft.subject?.text).toBe('Reno');
    expect(r.draft.body.text.trim()).toBe('Hi Dana,\n\nWe help teams.');
    expect(Object.fromEntries(Object.values(r.draft.prospect).map((f) => [f.key, f.value]))).toEqual({
      first_name: 'Dana',
      last_name: 'Reyes',
      email: 'dana@keel.example',
    });
  });
});
