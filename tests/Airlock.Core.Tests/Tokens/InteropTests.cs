using System.Security.Cryptography;
using Airlock.Core.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Airlock.Core.Tests.Tokens;

/// <summary>Our tokens are standard JWTs: Microsoft.IdentityModel, an independent implementation, accepts them.</summary>
public sealed class InteropTests
{
    [Fact]
    public async Task IssuedToken_ValidatesWithMicrosoftIdentityModel()
    {
        using var bed = await TokenTestBed.CreateAsync(time: new ManualTimeProvider(DateTimeOffset.UtcNow));
        var session = bed.NewSession("alice@example.com");
        var issued = bed.Issuer.Issue(session);
        using var publicKey = ECDsa.Create();
        publicKey.ImportSubjectPublicKeyInfo(bed.Ring.Active.PublicKeySpki, out _);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(issued.Token, new TokenValidationParameters
        {
            ValidIssuer = TokenTestBed.IssuerName,
            ValidAudience = "airlock-data-plane",
            ValidTypes = ["airlock-session+jwt"],
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            IssuerSigningKey = new ECDsaSecurityKey(publicKey) { KeyId = bed.Ring.Active.KeyId },
        });

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(session.Id, result.Claims["sid"]);
        Assert.Equal("alice@example.com", result.Claims["sub"]);
        Assert.Equal(issued.TokenId, result.Claims["jti"]);
    }
}
