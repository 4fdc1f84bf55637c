import type { Config } from '../config/config.js';
import { whatsappMediaFetcher } from '../media/config.js';
import { BasicAuthMediaFetcher, HeaderMediaFetcher, type MediaFetcher } from '../media/fetch-media.js';
import type { MediaLimits } from '../media/understand.js';
import type { ChannelName } from './inbound.js';
import { infobipTransportFrom } from './infobip/transport.js';
import type { Transport } from './outbound.js';
import { twilioTransportFrom } from './twilio/transport.js';

/**
 * The transports a conversation can answer through, by the channel it came in on. WhatsApp (Meta's
 * Cloud API, or the sandbox) is always there; Twilio and Infobip when configured.
 */
export type Transports = { whatsapp: Transport } & Partial<Record<ChannelName, Transport>>;

export function channelTransports(config: Config, whatsapp: Transport, fetchImpl?: typeof fetch): Transports {
  return {
    whatsapp,
    ...(config.twilio ? { twilio: twilioTransportFrom(config.twilio, fetchImpl) } : {}),
    ...(config.infobip ? { infobip: infobipTransportFrom(config.infobip, fetchImpl) } : {}),
  };
}

/** Media of each channel is fetched with that channel's credentials, and only from its hosts. */
export function channelMediaFetcher(
  config: Config,
  limits: MediaLimits,
  fetchImpl?: typeof fetch,
): MediaFetcher | undefined {
  const common = {
    timeoutMs: limits.timeoutMs,
    maxBytes: limits.maxBytes,
    allowedTypes: limits.allowedTypes,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  };
  const fetchers: Partial<Record<ChannelName, MediaFetcher>> = {
    ...(whatsappMediaFetcher(config, limits, fetchImpl)
      ? { whatsapp: whatsappMediaFetcher(config, limits, fetchImpl) }
      : {}),
    ...(config.twilio
      ? {
          twilio: new BasicAuthMediaFetcher({
            ...common,
            username: config.twilio.accountSid,
            password: config.twilio.authToken,
            origins: [new URL(config.twilio.apiBaseUrl).origin],
          }),
        }
      : {}),
    ...(config.infobip
      ? {
          infobip: new HeaderMediaFetcher({
            ...common,
            headers: { authorization: `App ${config.infobip.apiKey}` },
            origins: [new URL(config.infobip.baseUrl).origin],
          }),
        }
      : {}),
  };
  if (Object.keys(fetchers).length === 0) return undefined;
  return {
    fetch(ref) {
      const fetcher = fetchers[ref.channel];
      if (fetcher === undefined) return Promise.reject(new Error(`no media fetcher for ${ref.channel}`));
      return fetcher.fetch(ref);
    },
  };
}
