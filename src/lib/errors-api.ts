import type { ErrorEntry } from './errors.ts';

/**
 * The errors of the content API and webhooks (issue 13), part of the catalog
 * in errors.ts.
 */

/** Content API and webhooks (issue 13). */
export const API_ERRORS = {
  API_KEY_REQUIRED: {
    status: 401,
    id: 'API ini memerlukan kunci. Kirim kunci API di header Authorization: Bearer <kunci>.',
    en: 'This API needs a key. Send your API key in the header Authorization: Bearer <key>.',
  },
  API_KEY_INVALID: {
    status: 401,
    id: 'Kunci API tidak sah atau sudah dicabut.',
    en: 'The API key is not valid or has been revoked.',
  },
  API_BAD_CURSOR: {
    status: 400,
    id: 'Kursor halaman tidak sah. Pakai nilai next_cursor dari jawaban sebelumnya apa adanya.',
    en: 'The page cursor is not valid. Use the next_cursor value of the previous answer as it is.',
  },
  API_BAD_FIELDS: {
    status: 400,
    id: 'Parameter fields atau include memuat nama yang tidak dikenal.',
    en: 'The fields or include parameter names something unknown.',
  },
  API_BAD_PARAMS: {
    status: 400,
    id: 'Parameter permintaan tidak valid. Periksa nama dan nilai setiap parameter (limit paling banyak 100).',
    en: 'The request parameters are not valid. Check the name and value of each parameter (limit is at most 100).',
  },
  WEBHOOK_URL_INVALID: {
    status: 400,
    id: 'Alamat webhook tidak valid. Gunakan alamat http:// atau https:// lengkap.',
    en: 'The webhook address is not valid. Use a full http:// or https:// address.',
  },
  WEBHOOK_URL_BLOCKED: {
    status: 400,
    id: 'Alamat webhook mengarah ke jaringan lokal atau privat. Izinkan host ini secara khusus bila memang disengaja.',
    en: 'The webhook address points to a local or private network. Allow this host explicitly if that is intended.',
  },
} as const satisfies Record<string, ErrorEntry>;
