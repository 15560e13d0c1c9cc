import { parseArgs } from 'node:util';
import { devTokenIssues, mintDevToken, ROLES } from '@aftersales/platform-auth';
import { devJwtSettings } from '../scripts/dev-secrets';

const HELP = `Mint a JWT for the local system.

  npm run token -- --role HQ_ADMIN
  npm run token -- --role DEALER --center sc-cn-0001 [--center ...] [--region reg-china]
  npm run token -- --role REGION_MANAGER --region reg-latam-south --expires 2h

Roles: ${ROLES.join(', ')}
A call-center agent's token names the staff member: --role INBOUND_AGENT --subject st-hq-11 (the calls
service checks that person's qualification for the post). CALL_CENTER_AGENT, the role before the call
center's posts were separated, is still accepted and stands for INBOUND_AGENT and OUTBOUND_AGENT.
The secret is JWT_SECRET if set, otherwise the one \`npm start\` generated in .data/secrets.json.`;

async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      center: { type: 'string', multiple: true },
      region: { type: 'string', multiple: true },
      subject: { type: 'string' },
      expires: { type: 'string', default: '12h' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.role?.length) {
    process.stdout.write(`${HELP}\n`);
    process.exit(values.help ? 0 : 2);
  }
  const request = { roles: values.role, centers: values.center, regions: values.region, subject: values.subject, expiresIn: values.expires };
  const issues = devTokenIssues(request);
  if (issues.length) {
    process.stderr.write(`${issues.map((i) => `--${i.field}: ${i.message}`).join('\n')}\n`);
    process.exit(2);
  }
  const token = await mintDevToken(request, devJwtSettings());
  process.stdout.write(`${token}\n`);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
});
