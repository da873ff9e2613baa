using System.Text.Json.Serialization;
using Airlock.Core.Services;

namespace Airlock.Storage.Sqlite;

/// <summary>
/// JSON for the columns that hold structured values: credential bindings (polymorphic on <c>kind</c>, as
/// declared on <see cref="CredentialBinding"/>) and string lists. Strict on read: an unknown or missing member
/// is a decoding failure, not a silently different binding.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(CredentialBinding))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(Airlock.Core.Llm.LlmSettings))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
