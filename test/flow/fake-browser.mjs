#!/usr/bin/env node
// A stand-in for $BROWSER in tests: the person opens the authorise URL and
// approves at once (the embedded provider's ?action=approve), and the browser
// follows the redirect to the callback. It records the URL it was given.
import { appendFileSync } from 'node:fs';

const url = process.argv[2] ?? '';
if (process.env.FAKE_BROWSER_LOG) appendFileSync(process.env.FAKE_BROWSER_LOG, url + '\n');
const approve = url + (url.includes('?') ? '&' : '?') + 'action=approve';
const response = await fetch(approve, { redirect: 'follow' });
await response.text();
