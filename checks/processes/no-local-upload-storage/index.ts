import { defineCheck, type CheckMeta } from '../../define-check.ts';
import javascript from './javascript.ts';
import python from './python.ts';

const meta = {
  factor: 6,
  severity: 'warning',
  title: 'Uploads stored on the local disk',
  description:
    "Twelve-factor processes share nothing and their filesystem is ephemeral: a file written to the process's disk is gone after a restart or deploy and invisible to every other replica, so the next request for it fails at random. Local disk is fine only as scratch space within one request (the twelve-factor 'single-transaction cache'), with the result moved to object storage.",
  fix: 'Stream uploads to object storage (S3, GCS, Azure Blob) with `multer.memoryStorage()` or a storage engine such as multer-s3, boto3 `upload_fileobj` or django-storages, instead of a local directory.',
  messages: {
    localDirectory:
      'Processes (VI): uploads are stored {{where}}, which other replicas cannot see and a restart wipes; stream them to object storage such as S3 instead.',
    temporaryDirectory:
      'Processes (VI): uploads are written to the temporary directory; that is fine only if each file is moved to object storage and deleted within the same request, so make sure it is.',
    djangoStorage:
      "Processes (VI): uploads are saved through Django's FileSystemStorage, on this process's disk under MEDIA_ROOT, which other replicas cannot see unless a shared volume backs it; configure STORAGES with an object-storage backend such as django-storages.",
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'processes/no-local-upload-storage',
  meta,
  detectors: [javascript, python],
});
