using Airlock.Cedar.Values;

namespace Airlock.Cedar.Tests.Authorization;

public class AllocationTests
{
    // About 43 policies share the request's resource bucket, so a per-candidate allocation would show at once.
    // The response objects are the only allocation a permit on the common path may make (about 130–180 B).
    private const long ResponseBudgetBytes = 256;

    [Fact]
    public void Authorize_CommonPath_AllocatesNoMoreThanTheResponse()
    {
        var policies = PolicySet.Parse(string.Concat(Enumerable.Range(0, 300).Select(i => $$"""
            permit(principal is Agent, action in [Action::"read", Action::"write"], resource in Service::"s{{i % 7}}")
            when { principal in Group::"g{{i}}" && context.method == "GET" && context.hour >= 8 } unless { principal has blocked && principal.blocked };

            """)));
        var entities = Entities.FromJson("""
            [
              {"uid": {"type": "Agent", "id": "bot"}, "attrs": {"blocked": false}, "parents": [{"type": "Group", "id": "g3"}]},
              {"uid": {"type": "Group", "id": "g3"}, "attrs": {}, "parents": []},
              {"uid": {"type": "Operation", "id": "op"}, "attrs": {}, "parents": [{"type": "Service", "id": "s3"}]}
            ]
            """);
        var context = Request.ParseContext("""{"method": "GET", "hour": 10}""");
        var request = new Request(new EntityUid("Agent", "bot"), new EntityUid("Action", "read"), new EntityUid("Operation", "op"), context);

        for (var i = 0; i < 2_000; i++)
        {
            Assert.True(Authorizer.IsAuthorized(request, policies, entities).IsAllowed);
        }

        const int Rounds = 1_000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Rounds; i++)
        {
            Authorizer.IsAuthorized(request, policies, entities);
        }

        var perRequest = (GC.GetAllocatedBytesForCurrentThread() - before) / Rounds;
        Assert.True(perRequest <= ResponseBudgetBytes, $"authorization allocated {perRequest} B per request, more than the {ResponseBudgetBytes} B a response needs");
    }
}
