/**
 * Encryption at rest: every object is sealed under its own data key with AES-256-GCM or SM4-GCM (GB/T 36624), in
 * authenticated segments so that it streams; the data key is wrapped by a master key that comes from the environment
 * or a password alias, never from the data folder. Rotation re-wraps data keys; the objects are not rewritten.
 */
package org.earchive.storage.crypto;
