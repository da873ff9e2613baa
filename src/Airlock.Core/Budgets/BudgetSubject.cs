using Airlock.Core.Sessions;

namespace Airlock.Core.Budgets;

/// <summary>
/// One holder of a budget: a session, an agent or a user, by id. The id <see cref="DefaultId"/> (<c>*</c>) names the
/// default limits of a scope, which apply to every subject of that scope without limits of its own.
/// </summary>
public sealed record BudgetSubject(BudgetScope Scope, string Id)
{
    /// <summary>The id of a scope's default limits.</summary>
    public const string DefaultId = "*";

    /// <summary>True for a scope's default (<c>*</c>), which holds limits but never usage.</summary>
    public bool IsDefault => Id == DefaultId;

    /// <summary>The scope as the admin API and the store spell it: <c>session</c>, <c>agent</c> or <c>user</c>.</summary>
    public string ScopeName => NameOf(Scope);

    public static BudgetSubject Session(string id) => new(BudgetScope.Session, id);

    public static BudgetSubject Agent(string id) => new(BudgetScope.Agent, id);

    public static BudgetSubject User(string id) => new(BudgetScope.User, id);

    /// <summary>The default limits of <paramref name="scope"/>.</summary>
    public static BudgetSubject DefaultOf(BudgetScope scope) => new(scope, DefaultId);

    /// <summary>
    /// Every subject a call of <paramref name="session"/> is charged to: the session, its agent and, when it acts for
    /// one, its user. Pass this list to <see cref="BudgetLedger.TryReserveAsync"/>.
    /// </summary>
    public static IReadOnlyList<BudgetSubject> ForCall(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.UserId is { } user
            ? [Session(session.Id), Agent(session.AgentId), User(user)]
            : [Session(session.Id), Agent(session.AgentId)];
    }

    public static string NameOf(BudgetScope scope) => scope switch
    {
        BudgetScope.Session => "session",
        BudgetScope.Agent => "agent",
        BudgetScope.User => "user",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "unknown budget scope"),
    };

    /// <summary>Reads <c>session</c>, <c>agent</c> or <c>user</c> (exactly, lowercase).</summary>
    public static bool TryParseScope(string? text, out BudgetScope scope)
    {
        (var ok, scope) = text switch
        {
            "session" => (true, BudgetScope.Session),
            "agent" => (true, BudgetScope.Agent),
            "user" => (true, BudgetScope.User),
            _ => (false, default),
        };
        return ok;
    }

    /// <summary>Reads as messages name it: <c>agent 'triage-bot'</c>, or <c>every agent (default)</c>.</summary>
    public override string ToString() => IsDefault ? $"every {ScopeName} (default)" : $"{ScopeName} '{Id}'";
}
