namespace Airlock.Benchmarks.Workload;

/// <summary>The Cedar schema of the benchmark workload: Airlock's entity model and the context a gateway request carries.</summary>
internal static class AirlockSchema
{
    public const string Text = """
        namespace Airlock {
          type RequestInfo = {
            method: String,
            path: String,
            query: String,
            content_type: String,
            body_bytes: Long,
            source_ip: ipaddr,
          };
          type TimeInfo = { hour: Long, weekday: Long, epoch: Long };
          type BudgetInfo = { spent: Long, remaining: Long, currency: String };
          type SessionInfo = {
            id: String,
            user: User,
            intent: String,
            scope: Set<String>,
            started: Long,
            delegation_depth: Long,
          };
          type HistoryInfo = { calls: Long, denials: Long, last_action: String };
          type CallContext = {
            request: RequestInfo,
            time: TimeInfo,
            budget: BudgetInfo,
            session: SessionInfo,
            history: HistoryInfo,
            agent_confidence?: Long,
          };

          entity Group in [Group] { name: String };
          entity User in [Group] { email: String, department: String, clearance: Long };
          entity Agent in [Group] { owner: User, model: String, trust: Long, environment: String };
          entity Service { host: String, kind: String, team: String };
          entity Operation in [Service] {
            service: Service,
            method: String,
            path: String,
            risk: String,
            data_class: String,
          };

          action read, write;
          action "GET", "HEAD" in [read] appliesTo {
            principal: [User, Agent],
            resource: [Operation],
            context: CallContext,
          };
          action "POST", "PUT", "PATCH", "DELETE" in [write] appliesTo {
            principal: [User, Agent],
            resource: [Operation],
            context: CallContext,
          };
          action call_tool, complete appliesTo {
            principal: [User, Agent],
            resource: [Operation],
            context: CallContext,
          };
        }
        """;
}
