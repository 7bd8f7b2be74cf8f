import anthropicApiKey from '../../../checks/secrets/anthropic-api-key.ts';
import groqApiKey from '../../../checks/secrets/groq-api-key.ts';
import huggingfaceToken from '../../../checks/secrets/huggingface-token.ts';
import openaiApiKey from '../../../checks/secrets/openai-api-key.ts';
import { testCheck } from '../../support/check-tester.ts';
import { fakeBody } from './fake-secret.ts';

const OPENAI = `sk-proj-${fakeBody('openai-1', 74, 'base64url')}T3BlbkFJ${fakeBody('openai-2', 74, 'base64url')}`;
const OPENAI_LEGACY = `sk-${fakeBody('openai-3', 20)}T3BlbkFJ${fakeBody('openai-4', 20)}`;

testCheck(openaiApiKey, {
  valid: [
    { name: 'an elided key in docs', code: `export OPENAI_API_KEY=sk-...\n`, filename: 'docs/setup.md' },
    { name: 'an environment lookup', code: `openai = OpenAI(api_key=os.environ["OPENAI_API_KEY"])\n`, filename: 'app/ai.py' },
    { name: 'a key without the OpenAI marker', code: `const key = 'sk-proj-${fakeBody('openai-5', 40)}';` },
    { name: 'an example file', code: `OPENAI_API_KEY=${OPENAI}\n`, filename: '.env.example' },
  ],
  invalid: [
    { code: `const openai = new OpenAI({ apiKey: '${OPENAI}' });`, errors: [{ messageId: 'found', line: 1, column: 38, messageIncludes: 'sk-p****' }] },
    { code: `openai = OpenAI(\n    api_key="${OPENAI_LEGACY}",\n)\n`, filename: 'app/ai.py', errors: [{ messageId: 'found', line: 2, column: 14 }] },
  ],
});

const ANTHROPIC = `sk-ant-api03-${fakeBody('anthropic', 93, 'base64url')}AA`;

testCheck(anthropicApiKey, {
  valid: [
    { name: 'a placeholder', code: `ANTHROPIC_API_KEY=sk-ant-api03-xxxxxxxx\n`, filename: '.env' },
    { name: 'an environment lookup', code: `const claude = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });` },
    { name: 'a truncated key', code: `const claude = new Anthropic({ apiKey: '${ANTHROPIC.slice(0, 60)}' });` },
  ],
  invalid: [
    { code: `const claude = new Anthropic({ apiKey: '${ANTHROPIC}' });`, errors: [{ messageId: 'found', line: 1, column: 41, messageIncludes: 'sk-a****' }] },
    { code: `ANTHROPIC_API_KEY=${ANTHROPIC}\n`, filename: '.env', errors: [{ messageId: 'found', line: 1 }] },
    { code: `claude = Anthropic(api_key="${ANTHROPIC}")\n`, filename: 'worker/claude.py', errors: [{ messageId: 'found', line: 1 }] },
  ],
});

const GROQ = `gsk_${fakeBody('groq', 52)}`;

testCheck(groqApiKey, {
  valid: [
    { name: 'a placeholder', code: `GROQ_API_KEY=gsk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n`, filename: '.env' },
    { name: 'too short', code: `const groq = new Groq({ apiKey: 'gsk_${fakeBody('groq-short', 30)}' });` },
    { name: 'an environment lookup', code: `groq = Groq(api_key=os.environ.get("GROQ_API_KEY"))\n`, filename: 'app/llm.py' },
  ],
  invalid: [
    { code: `const groq = new Groq({ apiKey: '${GROQ}' });`, errors: [{ messageId: 'found', line: 1, column: 34, messageIncludes: 'gsk_****' }] },
    { code: `llm:\n  groq_key: ${GROQ}\n`, filename: 'config/llm.yml', errors: [{ messageId: 'found', line: 2 }] },
    { code: `GROQ_API_KEY=${GROQ}\n`, filename: '.env', errors: [{ messageId: 'found', line: 1, column: 14 }] },
  ],
});

const HF = `hf_${fakeBody('huggingface', 34, 'letters')}`;

testCheck(huggingfaceToken, {
  valid: [
    { name: 'a placeholder', code: `HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n`, filename: '.env' },
    { name: 'an environment lookup', code: `client = InferenceClient(token=os.environ["HF_TOKEN"])\n`, filename: 'app/hf.py' },
    { name: 'an identifier that starts like a token', code: `const hf_model_name = 'mistralai/Mistral-7B-Instruct-v0.3';` },
  ],
  invalid: [
    { code: `client = InferenceClient(token="${HF}")\n`, filename: 'app/hf.py', errors: [{ messageId: 'found', line: 1, column: 33, messageIncludes: 'hf_' }] },
    { code: `HF_TOKEN=${HF}\n`, filename: '.env', errors: [{ messageId: 'found', line: 1 }] },
    { code: `const hub = new HfInference('${HF}');`, errors: [{ messageId: 'found', line: 1 }] },
  ],
});
