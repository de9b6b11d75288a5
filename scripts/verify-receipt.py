#!/usr/bin/env python3
"""Checks a receipt of the once-only hub offline, written from docs/security.md ("Evidence ledger") alone.

    scripts/verify-receipt.py receipt.json --public-key key.pem [--witness-key NAME+HASH+KEY]...

The same checks as `java -jar hub.jar verify-receipt`: the checkpoint's C2SP note is signed by the key (Ed25519), each
entry's fields give its entryHash, and each entry's RFC 9162 inclusion proof leads to the signed root; given witnesses'
keys, one of them cosigned the checkpoint (C2SP cosignature/v1). Needs Python 3
and the `cryptography` package (Debian: python3-cryptography). Exits 0 when the receipt holds, 1 when it does not,
2 on bad usage or an unreadable file, 69 without the cryptography package.
"""
import base64
import hashlib
import json
import sys

try:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519
except ImportError:
    print("verify-receipt.py: needs the cryptography package (Debian: apt-get install python3-cryptography)",
          file=sys.stderr)
    sys.exit(69)  # EX_UNAVAILABLE


def sha256(*parts):
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part)
    return digest.digest()


def canonical(*fields):
    """Each field as a 4-byte big-endian length and its UTF-8 bytes; an absent field is the empty string."""
    out = b""
    for field in fields:
        data = ("" if field is None else str(field)).encode("utf-8")
        out += len(data).to_bytes(4, "big") + data
    return out


def entry_hash(e):
    fields = [str(e["seq"]), str(e["recordedAtMicros"]), e.get("kind"), e.get("applicationId"), e.get("item"),
              e.get("party"), e.get("payloadSha256")]
    if e.get("detail") is None:
        data = canonical("onceonly-evidence-entry-v1", *fields, e.get("prevHash"))
    else:
        data = canonical("onceonly-evidence-entry-v2", *fields, e["detail"], e.get("prevHash"))
    return sha256(data).hex()


def node(left, right):
    return sha256(b"\x01", left, right)


def verify_inclusion(index, size, leaf, proof, root):
    """RFC 9162, 2.1.3.2."""
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node(p, r)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = node(r, p)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and r == root


def open_note(note, key):
    """The body lines of a C2SP signed note if its signature line by the origin's name verifies, else None.

    Ed25519 keys (signature type 0x01): key hash SHA-256(name || "\\n" || 0x01 || 32-byte key)[:4], 64-byte signature.
    ECDSA P-256 keys of an HSM (type 0x02): key hash SHA-256(X.509 DER of the key)[:4], DER signature over SHA-256.
    """
    body, blank, signatures = note.partition("\n\n")
    if not blank:
        return None
    body += "\n"
    name = body.split("\n", 1)[0]
    ecdsa = isinstance(key, ec.EllipticCurvePublicKey)
    if ecdsa:
        key_hash = sha256(key.public_bytes(serialization.Encoding.DER,
                                           serialization.PublicFormat.SubjectPublicKeyInfo))[:4]
    else:
        raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        key_hash = sha256((name + "\n").encode("utf-8"), b"\x01", raw)[:4]
    for line in signatures.splitlines():
        prefix = "\u2014 " + name + " "
        if not line.startswith(prefix):
            continue
        signed = base64.b64decode(line[len(prefix):])
        if len(signed) > 4 and signed[:4] == key_hash:
            try:
                if ecdsa:
                    key.verify(signed[4:], body.encode("utf-8"), ec.ECDSA(hashes.SHA256()))
                else:
                    key.verify(signed[4:], body.encode("utf-8"))
                return body.split("\n")
            except InvalidSignature:
                pass
    return None


def cosigned(witnessed_note, witness_key):
    """Whether the witness (a verifier key: name+hash+base64(0x04 || key)) cosigned the note (cosignature/v1)."""
    name, key_hash_hex, typed = witness_key.split("+", 2)
    typed = base64.b64decode(typed)
    if typed[:1] != b"\x04" or len(typed) != 33:
        raise ValueError("a witness key holds 0x04 and a 32-byte Ed25519 key")
    key_hash = sha256((name + "\n").encode("utf-8"), typed[:1], typed[1:])[:4]
    if key_hash.hex() != key_hash_hex:
        raise ValueError("the witness key's hash does not match its name and key")
    key = ed25519.Ed25519PublicKey.from_public_bytes(typed[1:])
    body, _, signatures = witnessed_note.partition("\n\n")
    body += "\n"
    for line in signatures.splitlines():
        prefix = "\u2014 " + name + " "
        if line.startswith(prefix):
            signed = base64.b64decode(line[len(prefix):])
            if len(signed) == 76 and signed[:4] == key_hash:
                timestamp = int.from_bytes(signed[4:12], "big")
                try:
                    key.verify(signed[12:], ("cosignature/v1\ntime %d\n" % timestamp).encode("utf-8") + body.encode("utf-8"))
                    return True
                except InvalidSignature:
                    pass
    return False


def verify(receipt, key, witness_keys=()):
    checkpoint = receipt.get("checkpoint") or {}
    lines = open_note(checkpoint.get("note") or "", key)
    if lines is None:
        return ["the checkpoint's note is not signed by this public key"], None
    size, root = int(lines[1]), base64.b64decode(lines[2])
    problems = []
    if checkpoint.get("treeSize") != size or checkpoint.get("rootHash") != root.hex():
        problems.append("the checkpoint's treeSize or rootHash is not what its note signs")
    if witness_keys:
        witnessed = checkpoint["note"] + "".join(line + "\n" for line in checkpoint.get("cosignatures") or [])
        if not any(cosigned(witnessed, w) for w in witness_keys):
            problems.append("the checkpoint is cosigned by none of the given witnesses")
    if not receipt.get("entries"):
        problems.append("the receipt has no entries")
    for e in receipt.get("entries") or []:
        at = "entry %s: " % e.get("seq")
        computed = entry_hash(e)
        if computed != e.get("entryHash"):
            problems.append(at + "its fields do not give its entryHash: the entry was changed")
        elif e.get("applicationId") != receipt.get("applicationId"):
            problems.append(at + "it is another application's")
        elif e.get("leafIndex") != e["seq"] - 1:
            problems.append(at + "its leafIndex is not seq - 1")
        elif not verify_inclusion(e["leafIndex"], size, sha256(b"\x00", bytes.fromhex(computed)),
                                  [bytes.fromhex(p) for p in e.get("inclusionProof") or []], root):
            problems.append(at + "its inclusion proof does not lead to the signed root of %d entries" % size)
    return problems, lines


def main(argv):
    witness_keys = [argv[i + 1] for i in range(3, len(argv) - 1, 2) if argv[i] == "--witness-key"]
    if len(argv) < 3 or argv[1] != "--public-key" or len(argv) != 3 + 2 * len(witness_keys):
        print("usage: verify-receipt.py RECEIPT.json --public-key KEY.pem [--witness-key NAME+HASH+KEY]...",
              file=sys.stderr)
        return 2
    try:
        with open(argv[0], encoding="utf-8") as f:
            receipt = json.load(f)
        with open(argv[2], "rb") as f:
            key = serialization.load_pem_public_key(f.read())
    except (OSError, ValueError) as e:
        print("verify-receipt.py: cannot read the receipt or the key: %s" % e, file=sys.stderr)
        return 2
    try:
        problems, lines = verify(receipt, key, witness_keys)
    except ValueError as e:
        print("verify-receipt.py: --witness-key: %s" % e, file=sys.stderr)
        return 2
    for problem in problems:
        print("INVALID: " + problem)
    if problems:
        return 1
    print("valid: %d entries of application %s, included in the tree of %s entries that %s signed%s"
          % (len(receipt["entries"]), receipt["applicationId"], lines[1], lines[0],
             ", cosigned by a given witness" if witness_keys else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
