/** The part of s3rver (a local S3-compatible server, which ships no types) the deploy tests use. */
declare module 's3rver' {
  import type { EventEmitter } from 'node:events';

  export interface S3rverOptions {
    port?: number;
    address?: string;
    silent?: boolean;
    /** Where buckets and objects are kept on disk. */
    directory: string;
  }

  /** One notification of an object written or deleted. */
  export interface S3Event {
    Records: { eventName: string; s3: { bucket: { name: string }; object: { key: string } } }[];
  }

  export default class S3rver extends EventEmitter {
    constructor(options: S3rverOptions);
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
    on(event: 'event', listener: (event: S3Event) => void): this;
  }
}
