/**
 * Sending a CSV file with its upload progress: fetch cannot report how much of a request body has
 * gone, XMLHttpRequest's upload events can. Same bearer token as the typed client; the answer is the
 * API's JSON (success or the one error body).
 */
import { readSession } from '../auth/session';

export interface UploadProgress {
  /** Bytes sent so far, of `total`. */
  loaded: number;
  total: number;
  /** The whole body has gone: the server is working. */
  sent: boolean;
}

export interface UploadAnswer {
  status: number;
  body: unknown;
}

export function uploadFile(url: string, field: string, file: File, onProgress: (p: UploadProgress) => void): Promise<UploadAnswer> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    const session = readSession();
    if (session) xhr.setRequestHeader('Authorization', `Bearer ${session.accessToken}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size, sent: false });
    xhr.upload.onload = () => onProgress({ loaded: file.size, total: file.size, sent: true });
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => resolve({ status: 0, body: null });
    const form = new FormData();
    form.append(field, file, file.name);
    xhr.send(form);
  });
}
