import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

/** Issue #12 item 6: "nothing recognised" names what was looked at and the next step that fits the input. */
describe('explain, nothing recognised: what was looked at, and what to do next', () => {
  it('plain text with nothing in it: says so, and suggests --status, the whole response, inspect', async () => {
    const r = await runInProcess(['explain', '-'], { input: 'it did not work this morning\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Looked at: 29 characters in 2 lines, as plain text: no JSON, XML, form parameters/);
    expect(r.stderr).toMatch(/Next: add --status N .*; or pass the whole response .*; or read a capture .*oauth-doctor inspect FILE/);
  });

  it('a success answer: names the status line, the headers and the JSON it found, not their text', async () => {
    const body = 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{"id":"u-1","name":"secret-looking-value-123"}';
    const r = await runInProcess(['explain', '--json', '-'], { input: body });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { recognised: boolean; lookedAt: { status: number; headers: string[]; fragments: { kind: string }[] }; next: string[] };
    expect(doc).toMatchObject({ recognised: false, lookedAt: { status: 200, headers: ['content-type'], fragments: [{ kind: 'json' }] } });
    // A status line was there: no --status advice; the shapes are named, never their contents.
    expect(doc.next).not.toContain('status');
    expect(r.stdout).not.toContain('secret-looking-value-123');
    const text = await runInProcess(['explain', '-'], { input: body });
    expect(text.stderr).toMatch(/found a status 200 in the text, header lines \(content-type\), a JSON object at character \d+; none of it carried an OAuth error/);
    expect(text.stderr).not.toContain('secret-looking-value-123');
  });

  it('a request capture points at inspect first', async () => {
    const r = await runInProcess(['explain', '--json', '-'], { input: '> GET /1.1/account/verify_credentials.json HTTP/1.1\n> Host: api.example.com\n>\n' });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { lookedAt: { request: boolean }; next: string[] };
    expect(doc.lookedAt.request).toBe(true);
    expect(doc.next[0]).toBe('inspect');
  });

  it('--status given: the advice does not ask for it again', async () => {
    const r = await runInProcess(['explain', '--json', '--status', '200', '-'], { input: '{"ok":true}' });
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { next: string[] }).next).not.toContain('status');
  });
});
