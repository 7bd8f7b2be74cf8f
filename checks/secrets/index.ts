import type { Check } from '../define-check.ts';
import onePasswordToken from './1password-token.ts';
import anthropicApiKey from './anthropic-api-key.ts';
import awsAccessKey from './aws-access-key.ts';
import awsAccountId from './aws-account-id.ts';
import awsSecretKey from './aws-secret-key.ts';
import azureConnectionString from './azure-connection-string.ts';
import cloudflareApiToken from './cloudflare-api-token.ts';
import connectionStringCredentials from './connection-string-credentials.ts';
import databricksToken from './databricks-token.ts';
import dockerHubToken from './docker-hub-token.ts';
import figmaToken from './figma-token.ts';
import gcpServiceAccountKey from './gcp-service-account-key.ts';
import genericPassword from './generic-password.ts';
import genericSecret from './generic-secret.ts';
import githubToken from './github-token.ts';
import gitlabToken from './gitlab-token.ts';
import googleApiKey from './google-api-key.ts';
import grafanaToken from './grafana-token.ts';
import groqApiKey from './groq-api-key.ts';
import hashicorpVaultToken from './hashicorp-vault-token.ts';
import huggingfaceToken from './huggingface-token.ts';
import jwt from './jwt.ts';
import linearApiKey from './linear-api-key.ts';
import notionToken from './notion-token.ts';
import npmToken from './npm-token.ts';
import openaiApiKey from './openai-api-key.ts';
import privateKey from './private-key.ts';
import sendgridApiKey from './sendgrid-api-key.ts';
import shopifyToken from './shopify-token.ts';
import slackToken from './slack-token.ts';
import slackWebhook from './slack-webhook.ts';
import stripeKey from './stripe-key.ts';
import tailscaleKey from './tailscale-key.ts';
import twilioCredentials from './twilio-credentials.ts';
import vercelToken from './vercel-token.ts';

/** `secrets/<kind>`: one rule per kind of credential, all sharing one scan per file (scanner.ts). */
export const checks: readonly Check[] = [
  onePasswordToken,
  anthropicApiKey,
  awsAccessKey,
  awsAccountId,
  awsSecretKey,
  azureConnectionString,
  cloudflareApiToken,
  connectionStringCredentials,
  databricksToken,
  dockerHubToken,
  figmaToken,
  gcpServiceAccountKey,
  genericPassword,
  genericSecret,
  githubToken,
  gitlabToken,
  googleApiKey,
  grafanaToken,
  groqApiKey,
  hashicorpVaultToken,
  huggingfaceToken,
  jwt,
  linearApiKey,
  notionToken,
  npmToken,
  openaiApiKey,
  privateKey,
  sendgridApiKey,
  shopifyToken,
  slackToken,
  slackWebhook,
  stripeKey,
  tailscaleKey,
  twilioCredentials,
  vercelToken,
];
