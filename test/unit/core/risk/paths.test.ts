// Where credentials live: the places whose contents are secrets (reading one is high, sending it off critical), and the
// public halves and source files that only share a name. Through the whole engine for the reads.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RiskEngine } from '../../../../electron/core/risk/engine.ts';
import { createRiskEngine } from '../../../../electron/core/risk/index.ts';
import { isSecretPath } from '../../../../electron/core/risk/paths.ts';
import { PROJECT, testContextOptions } from '../../../support/risk.ts';

let engine: RiskEngine;
beforeAll(async () => {
  engine = await createRiskEngine(testContextOptions());
});

describe('credential stores', () => {
  it.each([
    '/home/dev/.ssh/id_ed25519',
    '/home/dev/.aws/credentials',
    // Browsers' saved passwords and cookies.
    '/home/dev/Library/Application Support/Google/Chrome/Default/Login Data',
    '/home/dev/.config/google-chrome/Default/Cookies',
    '/home/dev/.config/BraveSoftware/Brave-Browser/Default/Web Data',
    '/home/dev/.mozilla/firefox/abc.default-release/logins.json',
    '/home/dev/.mozilla/firefox/abc.default-release/key4.db',
    '/home/dev/Library/Cookies/Cookies.binarycookies',
    // Keyrings and password managers.
    '/home/dev/.local/share/keyrings/login.keyring',
    '/home/dev/Documents/vault.kdbx',
    '/home/dev/.config/op/config',
    // Build tools and registries.
    '/home/dev/.m2/settings.xml',
    '/home/dev/.gradle/gradle.properties',
    '/home/dev/.cargo/credentials.toml',
    '/home/dev/.gem/credentials',
    '/home/dev/.config/composer/auth.json',
    // Hosting, cloud and AI command lines.
    '/home/dev/.fly/config.yml',
    '/home/dev/.railway/config.json',
    '/home/dev/.supabase/access-token',
    '/home/dev/.config/configstore/firebase-tools.json',
    '/home/dev/Library/Application Support/com.vercel.cli/auth.json',
    '/home/dev/.wrangler/config/default.toml',
    '/home/dev/.config/stripe/config.toml',
    '/home/dev/.config/rclone/rclone.conf',
    '/home/dev/.config/sops/age/keys.txt',
    '/home/dev/.oci/config',
    '/home/dev/.kaggle/kaggle.json',
    '/home/dev/.cache/huggingface/token',
    '/home/dev/.huggingface/token',
    '/home/dev/.config/github-copilot/apps.json',
    '/home/dev/.codex/auth.json',
    '/home/dev/Library/Application Support/Code/User/globalStorage/state.vscdb',
    '/home/dev/.config/Cursor/User/globalStorage/state.vscdb',
    // Cluster credentials and OAuth secrets wherever they sit; keys named by their algorithm; files named for a secret.
    '/home/dev/project/kubeconfig',
    '/home/dev/project/prod.kubeconfig.yaml',
    '/etc/kubernetes/admin.conf',
    '/home/dev/project/client_secret_123.apps.googleusercontent.com.json',
    '/home/dev/deploy_rsa',
    '/home/dev/project/keys/github_ed25519',
    '/home/dev/project/token.json',
    '/home/dev/passwords.txt',
    '/home/dev/api_key.txt',
    '/home/dev/.config/openai/token',
    '/home/dev/.gh/hosts.yml',
    '/home/dev/.subversion/auth/svn.simple/abc',
    '/home/dev/.mongocli.json',
    'C:\\Windows\\System32\\config\\SAM',
    '/var/db/dslocal/nodes/Default/users/alice.plist',
    '/home/dev/Library/Application Support/com.apple.TCC/TCC.db',
  ])('%s holds credentials', (p) => expect(isSecretPath(p)).toBe(true));

  it.each([
    '/home/dev/.ssh/id_ed25519.pub',
    '/home/dev/project/src/Cookies.tsx',
    '/home/dev/project/components/LoginData.ts',
    '/home/dev/project/.env.example',
    '/home/dev/.config/Code/User/settings.json',
    '/home/dev/.gradle/caches/x.jar',
    '/home/dev/project/design/tokens.json',
    '/home/dev/project/src/token.ts',
    '/home/dev/project/src/config/system',
    '/home/dev/project/system',
    '/home/dev/.local/state/tool/token',
    '/home/dev/project/scripts/sign_rsa.py',
  ])('%s does not', (p) => expect(isSecretPath(p)).toBe(false));

  it.each([
    'cat ~/.fly/config.yml',
    "sqlite3 '/home/dev/Library/Application Support/Google/Chrome/Default/Login Data' 'select * from logins'",
    'cp ~/.mozilla/firefox/x.default/cookies.sqlite /tmp/c',
  ])('%s is high', (cmd) => expect(engine.assess(cmd, PROJECT).level).toMatch(/high|critical/));
});
