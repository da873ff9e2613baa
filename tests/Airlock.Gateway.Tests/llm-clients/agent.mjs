// A real agent: the official OpenAI or Anthropic SDK, configured only through its base URL and API key (the
// Airlock session token). Usage: node agent.mjs <openai|anthropic> <plain|stream> <model> <prompt> [concurrency] [max_tokens]
// Env: AIRLOCK_LLM_BASE_URL, AIRLOCK_TOKEN. Prints one JSON line per call: {ok, text, status, code}.
import OpenAI from "openai";
import Anthropic from "@anthropic-ai/sdk";

const [provider, mode, model, prompt, concurrency = "1", maxTokens] = process.argv.slice(2);
const baseURL = process.env.AIRLOCK_LLM_BASE_URL;
const apiKey = process.env.AIRLOCK_TOKEN;

async function callOpenAI() {
  const client = new OpenAI({ baseURL, apiKey, maxRetries: 0 });
  const messages = [{ role: "user", content: prompt }];
  const cap = maxTokens ? { max_tokens: Number(maxTokens) } : {};
  if (mode === "stream") {
    const stream = await client.chat.completions.create({ model, messages, stream: true, ...cap });
    let text = "";
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? "";
    }
    return text;
  }
  const completion = await client.chat.completions.create({ model, messages, ...cap });
  return completion.choices[0].message.content;
}

async function callAnthropic() {
  const client = new Anthropic({ baseURL, apiKey, maxRetries: 0 });
  const request = { model, max_tokens: 64, messages: [{ role: "user", content: prompt }] };
  if (mode === "stream") {
    const stream = client.messages.stream(request);
    let text = "";
    for await (const event of stream) {
      if (event.type === "content_block_delta" && event.delta.type === "text_delta") {
        text += event.delta.text;
      }
    }
    return text;
  }
  const message = await client.messages.create(request);
  return message.content.map((block) => block.text ?? "").join("");
}

async function once() {
  try {
    const text = provider === "openai" ? await callOpenAI() : await callAnthropic();
    return { ok: true, text };
  } catch (error) {
    // The SDKs raise APIError with the HTTP status and the parsed body (Airlock's problem+json).
    return { ok: false, status: error.status ?? null, code: error.error?.code ?? null, message: String(error.message ?? error) };
  }
}

const results = await Promise.all(Array.from({ length: Number(concurrency) }, () => once()));
for (const result of results) {
  process.stdout.write(JSON.stringify(result) + "\n");
}
