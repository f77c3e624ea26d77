// Clouds, infrastructure as code, hosting and remote configuration, on hand-built segments.
import { describe, expect, it } from 'vitest';
import { PROJECT, testEngine } from '../../../../support/risk.ts';

const engine = testEngine();
const score = (cmd: string) => engine.assess(cmd, PROJECT);

describe('clouds', () => {
  it.each([
    ['aws kms schedule-key-deletion --key-id alias/data --pending-window-in-days 7', 'critical'],
    ['aws backup delete-recovery-point --recovery-point-arn x', 'critical'],
    ['aws s3api put-bucket-acl --bucket acme --acl public-read', 'high'],
    ['aws s3 sync . s3://bucket --acl public-read', 'high'],
    ['aws s3 sync . s3://bucket', 'high'],
    ['aws s3 cp report.pdf s3://bucket/', 'medium'],
    ['aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol tcp --port 22 --cidr 0.0.0.0/0', 'high'],
    ['aws route53 change-resource-record-sets --hosted-zone-id Z1 --change-batch file://c.json', 'high'],
    [
      'gcloud storage buckets add-iam-policy-binding gs://b --member=allUsers --role=roles/storage.objectViewer',
      'high',
    ],
    ['aws sqs send-message --queue-url https://sqs.x/dev-jobs --message-body test', 'medium'],
    ['aws configure list', 'medium'],
    ['gcloud auth login', 'medium'],
    ['eksctl delete cluster --name dev', 'critical'],
    ['aws ec2 describe-instances', 'low'],
    ['az webapp restart -n dev-app -g rg', 'medium'],
    ['terraform init', 'medium'],
    ['terraform workspace select prod', 'medium'],
    ['pulumi stack select prod', 'medium'],
    ['terraform apply', 'high'],
    ['sam deploy --config-env dev', 'medium'],
    ['terraform plan', 'low'],
  ])('%s is %s', (cmd, level) => expect(score(cmd).level).toBe(level));
});

describe('hosting and remote configuration', () => {
  it.each([
    ['vercel --prod', 'high'],
    ['vercel', 'medium'],
    ['netlify deploy', 'medium'],
    ['netlify deploy --prod', 'high'],
    ['firebase deploy', 'high'],
    ['firebase deploy -P staging', 'medium'],
    ['vercel ls', 'low'],
    ['ansible-playbook -i inventories/production site.yml', 'high'],
    ['ansible-playbook -i inventories/staging site.yml', 'medium'],
    ['ansible-playbook -i inventories/staging site.yml --check --diff', 'low'],
    ['ansible all -i hosts -m shell -a reboot -b', 'critical'],
    ['ansible-vault view secrets.yml', 'high'],
    ['heroku pg:reset DATABASE_URL --confirm app', 'high'],
    ['gsutil iam ch allUsers:objectViewer gs://bucket', 'high'],
    ['gsutil rm -r gs://bucket', 'critical'],
    ['supabase db reset', 'critical'],
  ])('%s is %s', (cmd, level) => expect(score(cmd).level).toBe(level));
});

describe('low only for verbs known to read', () => {
  it.each([
    ['gcloud compute instances list', 'low'],
    ['gcloud compute instances describe my-vm', 'low'],
    ['aws ec2 describe-instances --region us-east-1', 'low'],
    ['aws s3 ls s3://bucket', 'low'],
    ['az account show', 'low'],
    ['firebase projects:list', 'low'],
    ['vercel logs my-app', 'low'],
    ['vercel dev', 'low'],
    // Anything else is not known to only read.
    ['gcloud functions call my-function', 'medium'],
    ['aws s3 mb s3://bucket', 'medium'],
    ['vercel dns add example.com @ A 1.2.3.4', 'medium'],
    ['vercel domains buy example.com', 'medium'],
    ['netlify sites:create', 'medium'],
  ])('%s is %s', (cmd, level) => expect(score(cmd).level).toBe(level));
});
