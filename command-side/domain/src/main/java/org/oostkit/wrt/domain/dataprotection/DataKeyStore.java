package org.oostkit.wrt.domain.dataprotection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The data-protection keys: one AES-256 key per (scope, subject), stored wrapped with the master key.
 * <p>
 * A key is created inside the transaction of the first event that needs it: if that transaction rolls back,
 * the key disappears together with the only ciphertext made with it. Keys are cached only after commit, and
 * for a bounded time, so a key destroyed on another instance stops working here within {@link #CACHE_TTL}.
 */
public class DataKeyStore {

    /** The subject of a scope's shared key. */
    public static final UUID SCOPE_WIDE = new UUID(0, 0);

    static final Duration CACHE_TTL = Duration.ofMinutes(5);
    private static final int GCM_TAG_BITS = 128;
    private static final int IV_BYTES = 12;
    private static final Object TX_KEYS = new Object();

    private final JdbcTemplate jdbc;
    private final SecretKey masterKey;
    private final SecureRandom random = new SecureRandom();
    private final Cache<KeyRef, Optional<SecretKey>> cache =
            Caffeine.newBuilder().maximumSize(200_000).expireAfterWrite(CACHE_TTL).build();

    public DataKeyStore(JdbcTemplate jdbc, byte[] masterKey) {
        if (masterKey.length != 32) {
            throw new IllegalArgumentException("the master key must be 32 bytes (AES-256)");
        }
        this.jdbc = jdbc;
        this.masterKey = new SecretKeySpec(masterKey, "AES");
    }

    /** The key to encrypt with, created if missing; empty if the subject or scope was erased. */
    Optional<SecretKey> keyForEncryption(UUID scope, UUID subject) {
        KeyRef ref = new KeyRef(scope, subject);
        Optional<SecretKey> cached = cachedOrPending(ref);
        if (cached != null) {
            return cached;
        }
        Optional<SecretKey> found = load(ref);
        if (found == null) {
            if (isScopeErased(scope)) {
                return remember(ref, Optional.empty());
            }
            byte[] wrapped = wrap(ref, newKey());
            jdbc.update("INSERT INTO data_protection_key (scope_id, subject_id, wrapped_key) VALUES (?, ?, ?) "
                    + "ON CONFLICT (scope_id, subject_id) DO NOTHING", scope, subject, wrapped);
            found = load(ref); // the winner's key if another transaction created it concurrently
        }
        return remember(ref, found);
    }

    /** The key to decrypt with; empty if it was destroyed (or never existed). */
    Optional<SecretKey> keyForDecryption(UUID scope, UUID subject) {
        KeyRef ref = new KeyRef(scope, subject);
        Optional<SecretKey> cached = cachedOrPending(ref);
        if (cached != null) {
            return cached;
        }
        Optional<SecretKey> found = load(ref);
        return remember(ref, found == null ? Optional.empty() : found);
    }

    /** Destroys every key of a scope and tombstones it: erases all its personal data. */
    public void destroyScope(UUID scope) {
        jdbc.update("UPDATE data_protection_key SET wrapped_key = NULL, destroyed_at = now() "
                + "WHERE scope_id = ? AND wrapped_key IS NOT NULL", scope);
        jdbc.update("INSERT INTO data_protection_erased_scope (scope_id) VALUES (?) ON CONFLICT DO NOTHING", scope);
        cache.asMap().keySet().removeIf(ref -> ref.scope.equals(scope));
    }

    /** Destroys one subject's key within a scope (right to erasure for one person). */
    public void destroySubject(UUID scope, UUID subject) {
        int updated = jdbc.update("UPDATE data_protection_key SET wrapped_key = NULL, destroyed_at = now() "
                + "WHERE scope_id = ? AND subject_id = ?", scope, subject);
        if (updated == 0) {
            jdbc.update("INSERT INTO data_protection_key (scope_id, subject_id, wrapped_key, destroyed_at) "
                    + "VALUES (?, ?, NULL, now()) ON CONFLICT DO NOTHING", scope, subject);
        }
        cache.invalidate(new KeyRef(scope, subject));
    }

    private boolean isScopeErased(UUID scope) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM data_protection_erased_scope WHERE scope_id = ?",
                Integer.class, scope);
        return n != null && n > 0;
    }

    /** null: no row; empty: a tombstone. */
    private Optional<SecretKey> load(KeyRef ref) {
        return jdbc.query("SELECT wrapped_key FROM data_protection_key WHERE scope_id = ? AND subject_id = ?",
                rs -> {
                    if (!rs.next()) {
                        return null;
                    }
                    byte[] wrapped = rs.getBytes(1);
                    return wrapped == null ? Optional.<SecretKey>empty() : Optional.of(unwrap(ref, wrapped));
                }, ref.scope, ref.subject);
    }

    private Optional<SecretKey> cachedOrPending(KeyRef ref) {
        Map<KeyRef, Optional<SecretKey>> pending = pendingKeys();
        if (pending != null && pending.containsKey(ref)) {
            return pending.get(ref);
        }
        return cache.getIfPresent(ref);
    }

    private Optional<SecretKey> remember(KeyRef ref, Optional<SecretKey> key) {
        Map<KeyRef, Optional<SecretKey>> pending = pendingKeys();
        if (pending != null) {
            pending.put(ref, key);
        } else {
            cache.put(ref, key);
        }
        return key;
    }

    /**
     * Keys seen in the current transaction: visible to it at once, published to the shared cache only when
     * it commits (a key created by a transaction that rolls back must never be used again).
     */
    @SuppressWarnings("unchecked")
    private Map<KeyRef, Optional<SecretKey>> pendingKeys() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<KeyRef, Optional<SecretKey>> pending =
                (Map<KeyRef, Optional<SecretKey>>) TransactionSynchronizationManager.getResource(TX_KEYS);
        if (pending == null) {
            Map<KeyRef, Optional<SecretKey>> created = new HashMap<>();
            TransactionSynchronizationManager.bindResource(TX_KEYS, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TX_KEYS);
                    if (status == STATUS_COMMITTED) {
                        cache.putAll(created);
                    }
                }
            });
            pending = created;
        }
        return pending;
    }

    private SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256 is not available", e);
        }
    }

    private byte[] wrap(KeyRef ref, SecretKey key) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, masterKey, new GCMParameterSpec(GCM_TAG_BITS, iv));
            cipher.updateAAD(ref.aad());
            byte[] sealed = cipher.doFinal(key.getEncoded());
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not wrap a data key", e);
        }
    }

    private SecretKey unwrap(KeyRef ref, byte[] wrapped) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, masterKey, new GCMParameterSpec(GCM_TAG_BITS, wrapped, 0, IV_BYTES));
            cipher.updateAAD(ref.aad());
            byte[] raw = cipher.doFinal(wrapped, IV_BYTES, wrapped.length - IV_BYTES);
            return new SecretKeySpec(raw, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not unwrap the data key of " + ref
                    + ": is WRT_MASTER_KEY the one the keys were made with?", e);
        }
    }

    record KeyRef(UUID scope, UUID subject) {
        byte[] aad() {
            return (scope + "/" + subject).getBytes(StandardCharsets.US_ASCII);
        }
    }
}
