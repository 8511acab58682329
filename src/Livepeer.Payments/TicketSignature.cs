using System.Numerics;
using Nethereum.Hex.HexConvertors.Extensions;
using Secp256k1Net;
using Nethereum.Signer;

namespace Livepeer.Payments;

/// <summary>Why a ticket signature was refused (the checks of go-livepeer's <c>crypto.VerifySig</c> and OpenZeppelin's ECDSA).</summary>
public enum SignatureProblem
{
    /// <summary>Valid and made by the expected signer.</summary>
    None,

    /// <summary>Not 65 bytes.</summary>
    InvalidLength,

    /// <summary>s above secp256k1n/2 (the malleable twin of a valid signature).</summary>
    HighS,

    /// <summary>v not 27 or 28.</summary>
    InvalidV,

    /// <summary>No public key recovers from it.</summary>
    Unrecoverable,

    /// <summary>It recovers to another address.</summary>
    WrongSigner,
}

/// <summary>
/// EIP-191 personal_sign signatures over a 32-byte ticket hash: keccak256("\x19Ethereum Signed Message:\n32" ‖ hash),
/// 65 bytes r ‖ s ‖ v with v ∈ {27, 28} and low s, as go-livepeer signs and the TicketBroker verifies.
/// </summary>
public static class TicketSignature
{
    /// <summary>secp256k1's group order n.</summary>
    private static readonly BigInteger CurveOrder = BigInteger.Parse("115792089237316195423570985008687907852837564279074904382605163141518161494337", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly BigInteger HalfOrder = CurveOrder / 2;
    private static readonly byte[] EthSignedPrefix = System.Text.Encoding.ASCII.GetBytes("\u0019Ethereum Signed Message:\n32");

    /// <summary>Signs <paramref name="hash"/> (32 bytes) with <paramref name="key"/>.</summary>
    public static byte[] Sign(ReadOnlySpan<byte> hash, EthECKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (hash.Length != 32)
            throw new ArgumentException($"A ticket hash is 32 bytes, not {hash.Length}.", nameof(hash));
        // Native libsecp256k1 signs in tens of microseconds where Nethereum's BouncyCastle signer (which also tries
        // recoveries to find v) takes milliseconds on every ticket a gateway sends. Both are RFC 6979 with low s, so the
        // bytes are the same (the §1.6 vectors are tests).
        var (compact, recoveryId) = Secp256k1.SignRecoverable(EthSignedDigest(hash), key.GetPrivateKeyAsBytes());
        byte[] signature = [.. compact, (byte)(27 + recoveryId)];

        // A signature we would refuse must never leave.
        if (Check(signature) != SignatureProblem.None)
            throw new InvalidOperationException("The signer produced a non-canonical signature.");
        return signature;
    }

    /// <summary>EIP-191 personal_sign's digest of a 32-byte hash: keccak256("\x19Ethereum Signed Message:\n32" ‖ hash).</summary>
    private static byte[] EthSignedDigest(ReadOnlySpan<byte> hash) => Keccak256.Hash([.. EthSignedPrefix, .. hash]);

    /// <summary>The address that signed <paramref name="hash"/>, after the format checks; null with the problem otherwise.</summary>
    public static EthAddress? Recover(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature, out SignatureProblem problem)
    {
        if (hash.Length != 32)
            throw new ArgumentException($"A ticket hash is 32 bytes, not {hash.Length}.", nameof(hash));
        problem = Check(signature);
        if (problem != SignatureProblem.None)
            return null;

        // Recovery runs for every ticket an orchestrator receives: native libsecp256k1 does it in ~65 µs where
        // Nethereum's BouncyCastle path took milliseconds.
        var digest = EthSignedDigest(hash);
        byte[]? publicKey;
        try
        {
            publicKey = Secp256k1.RecoverPublicKey(signature[..64], (byte)(signature[64] - 27), digest, compressed: false);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            publicKey = null;
        }

        if (publicKey is not { Length: 65 })
        {
            problem = SignatureProblem.Unrecoverable;
            return null;
        }

        var keyHash = Keccak256.Hash(publicKey.AsSpan(1));
        return EthAddress.FromBytes(keyHash.AsSpan(12));
    }

    /// <summary>Whether <paramref name="signature"/> over <paramref name="hash"/> is canonical and made by <paramref name="signer"/>.</summary>
    public static SignatureProblem Verify(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature, EthAddress signer)
    {
        var recovered = Recover(hash, signature, out var problem);
        if (recovered is null)
            return problem;
        return recovered.Value == signer ? SignatureProblem.None : SignatureProblem.WrongSigner;
    }

    private static SignatureProblem Check(ReadOnlySpan<byte> signature)
    {
        if (signature.Length != 65)
            return SignatureProblem.InvalidLength;
        if (UInt256.FromBytes(signature.Slice(32, 32)) > HalfOrder)
            return SignatureProblem.HighS;
        return signature[64] is 27 or 28 ? SignatureProblem.None : SignatureProblem.InvalidV;
    }
}
