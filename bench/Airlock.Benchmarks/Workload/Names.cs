using Airlock.Cedar.Values;

namespace Airlock.Benchmarks.Workload;

/// <summary>Entity uids in the <c>Airlock</c> namespace, and their spelling in policy text.</summary>
internal static class Names
{
    public const string Namespace = "Airlock";

    public static EntityUid Group(string id) => new(Namespace + "::Group", id);

    public static EntityUid User(string id) => new(Namespace + "::User", id);

    public static EntityUid Agent(string id) => new(Namespace + "::Agent", id);

    public static EntityUid Service(string id) => new(Namespace + "::Service", id);

    public static EntityUid Operation(string id) => new(Namespace + "::Operation", id);

    public static EntityUid Action(string id) => new(Namespace + "::Action", id);

    /// <summary>The uid as Cedar source: <c>Airlock::Agent::"agent-007"</c> (ids here never need escapes).</summary>
    public static string Cedar(EntityUid uid) => uid.Type + "::\"" + uid.Id + "\"";
}
