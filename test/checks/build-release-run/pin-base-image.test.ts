import check from '../../../checks/build-release-run/pin-base-image/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    { filename: 'Dockerfile', code: `FROM node:20.11-alpine\nWORKDIR /app\nCMD ["node", "server.js"]\n` },
    {
      name: 'digest pin, with and without a tag',
      filename: 'Dockerfile',
      code: `FROM node@sha256:4b1c9a4b8f4e6b0f1f5d0c0e2c0b9a6a3e4f5d6c7b8a9f0e1d2c3b4a5f6e7d8c\nFROM node:latest@sha256:4b1c9a4b8f4e6b0f1f5d0c0e2c0b9a6a3e4f5d6c7b8a9f0e1d2c3b4a5f6e7d8c\n`,
    },
    {
      name: 'build-stage aliases and scratch',
      filename: 'Dockerfile',
      code: `FROM node:22-slim AS Build\nRUN npm ci\nFROM build AS test\nRUN npm test\nFROM scratch\nCOPY --from=build /app /app\n`,
    },
    {
      name: 'ARG-templated tag whose default is not latest',
      filename: 'Dockerfile',
      code: `ARG NODE_VERSION=22.11\nFROM node:\${NODE_VERSION}-alpine\n`,
    },
    {
      name: 'ARG without a default: decided at build time',
      filename: 'Dockerfile',
      code: `ARG BASE_IMAGE\nFROM \${BASE_IMAGE}\n`,
    },
    {
      name: 'registry with a port and an explicit tag',
      filename: 'docker/api.Dockerfile',
      code: `FROM --platform=linux/amd64 registry.internal:5000/team/node:22.3.0\n`,
    },
  ],
  invalid: [
    {
      filename: 'Dockerfile',
      code: `FROM node\nCMD ["node", "server.js"]\n`,
      errors: [{ messageId: 'untagged', line: 1, column: 6 }],
    },
    {
      name: 'the port of a registry is not a tag',
      filename: 'Dockerfile.prod',
      code: `# syntax=docker/dockerfile:1\nFROM registry:5000/app\n`,
      errors: [{ messageId: 'untagged', line: 2, messageIncludes: '`registry:5000/app`' }],
    },
    {
      name: 'latest in a build stage and in the final stage',
      filename: 'Dockerfile',
      code: `FROM node:latest AS build\nRUN npm ci\n\nFROM --platform=$BUILDPLATFORM nginx:latest\nCOPY --from=build /app/dist /usr/share/nginx/html\n`,
      errors: [
        { messageId: 'latest', line: 1, column: 6 },
        { messageId: 'latest', line: 4, column: 32 },
      ],
    },
    {
      name: 'ARG-templated tag defaulting to latest',
      filename: 'Dockerfile',
      code: `ARG TAG=latest\nFROM node:\${TAG}\n`,
      errors: [{ messageId: 'latest', line: 2, messageIncludes: '`node:latest` (`node:${TAG}` with its ARG defaults)' }],
    },
    {
      name: 'lower-case instructions',
      filename: 'Dockerfile',
      code: `from python AS base\nrun pip install -r requirements.txt\n`,
      errors: [{ messageId: 'untagged', line: 1 }],
    },
  ],
});
