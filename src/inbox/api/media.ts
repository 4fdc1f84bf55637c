import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../deps.js';
import { type AgentRow, loadHandoffFor } from '../../handoff/lifecycle/context.js';
import { BatonError } from '../../http/errors.js';
import { MediaError } from '../../media/errors.js';
import type { MediaFile } from '../../media/fetch-media.js';
import { baseType } from '../../media/mime.js';
import { type MediaMessage, mediaRefOf } from '../../media/understand.js';
import { messages } from '../../store/schema/index.js';

/**
 * The file a customer sent (a photo of a damaged item, a voice note, a receipt), fetched from the
 * channel for an agent who may see the handoff. Nothing is stored: the channel keeps the file (Meta
 * for about 7 days), so an expired one is `410`.
 */
export async function customerMedia(
  deps: Deps,
  agent: AgentRow,
  handoffId: string,
  messageId: string,
): Promise<MediaFile> {
  const { conversation } = await loadHandoffFor(deps.lifecycle, agent, handoffId);
  // Only a message of this handoff's conversation: an agent of one queue cannot read another
  // conversation's files by guessing message ids.
  const message = await deps.db.query.messages.findFirst({
    where: and(
      eq(messages.id, messageId),
      eq(messages.conversationId, conversation.id),
      eq(messages.direction, 'in'),
    ),
  });
  const payload = (message?.payload ?? {}) as { media?: MediaMessage['media'] };
  const ref =
    message === undefined
      ? undefined
      : mediaRefOf({
          type: message.type,
          channel: conversation.channel,
          ...(payload.media ? { media: payload.media } : {}),
        });
  if (ref === undefined) throw new BatonError('not_found', 'this message has no file');
  if (deps.mediaFetcher === undefined) {
    throw new BatonError(
      'not_found',
      'files are not kept here: the sandbox sends none and no channel is configured',
    );
  }
  try {
    return await deps.mediaFetcher.fetch(ref);
  } catch (error) {
    if (!(error instanceof MediaError)) throw error;
    deps.logger.warn('customer media not fetched', { messageId, code: error.code, error: error.message });
    if (error.code === 'expired') throw new BatonError('gone', 'the channel no longer keeps this file');
    if (error.code === 'too_large' || error.code === 'unsupported_type') {
      throw new BatonError('unsupported_media', `this file cannot be shown in the inbox: ${error.message}`);
    }
    throw new BatonError('bad_gateway', 'the file could not be fetched from the channel; try again');
  }
}

/**
 * Headers for a customer's file in the agent's browser: never sniffed into another type, never
 * able to run script on our origin, cached only by that browser.
 */
export function mediaHeaders(file: MediaFile): Record<string, string> {
  const type = baseType(file.mimeType);
  // A PDF is downloaded: Chrome's viewer refuses to open in a sandboxed document.
  const inline = /^(image|audio|video)\//.test(type);
  return {
    'content-type': type,
    'content-length': String(file.size),
    'content-disposition': inline ? 'inline' : 'attachment',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, max-age=3600',
  };
}
