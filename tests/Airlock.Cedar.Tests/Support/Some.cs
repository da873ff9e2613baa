using Airlock.Cedar.Values;

namespace Airlock.Cedar.Tests.Support;

/// <summary>Test data: short constructors for uids, requests and entity sets.</summary>
internal static class Some
{
    public static EntityUid Uid(string type, string id) => new(type, id);

    public static Request Request(string principal = "alice", string action = "read", string resource = "doc", RecordValue? context = null) =>
        new(Uid("User", principal), Uid("Action", action), Uid("Doc", resource), context);

    public static Entities Entities(string json = "[]") => Cedar.Entities.FromJson(json);

    public static AuthorizationResponse Authorize(string policies, Request? request = null, Entities? entities = null) =>
        Authorizer.IsAuthorized(request ?? Request(), PolicySet.Parse(policies), entities ?? Cedar.Entities.Empty);
}
