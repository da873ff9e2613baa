using System.CommandLine;
using Airlock.Cli.AdminApi.Models;
using Airlock.Cli.Input;
using Airlock.Cli.Output;

namespace Airlock.Cli.Commands.Admin;

/// <summary><c>airlock service</c>: register, list, show and remove the upstreams agents may call, and how their credential is injected.</summary>
internal static class ServiceCommand
{
    private static readonly AdminHints NotFound = new(NotFound: "`airlock service list` shows the services");

    /// <summary>Creates the group with its subcommands.</summary>
    public static Command Create() =>
        new("service", "Register the upstream services agents may call and how Airlock injects their credential.")
        {
            Add(),
            List(),
            Show(),
            Remove(),
        };

    private static Command Add()
    {
        var name = new Argument<string>("NAME") { Description = "The service name: lowercase letters, digits and `-`, starting with a letter, e.g. github." };
        var url = new Option<string>("--url") { Description = "The base URL every call stays under, e.g. https://api.github.com.", HelpName = "URL", Required = true };
        var inject = new Option<string>("--inject")
        {
            Description = "Where the credential goes: none; header:NAME=TEMPLATE; query:PARAM=TEMPLATE; basic:username=TEMPLATE;password=TEMPLATE; " +
                "oauth2:token_url=URL;client_id=ID;client_secret=SECRET_NAME[;scope=a b][;audience=X]. " +
                "Templates are text with {{secret:NAME}} references, e.g. 'header:Authorization=Bearer {{secret:github_token}}'.",
            HelpName = "SPEC",
            Required = true,
        };
        var description = new Option<string?>("--description") { Description = "What the service is, for people.", HelpName = "TEXT" };
        var policyBody = new Option<bool>("--policy-body")
        {
            Description = "Let policy read small JSON request bodies as context.request.body (docs/policies.md).",
        };
        var llm = new Option<string?>("--llm") { Description = "Make this an LLM service, reached at /llm/NAME/ and metered: openai or anthropic.", HelpName = "PROVIDER" };
        var price = new Option<string[]>("--price")
        {
            Description = "For an LLM service: MODEL=INPUT/OUTPUT in US dollars per million tokens, e.g. gpt-4o-mini=0.15/0.60; * prices any other model. Repeat per model.",
            HelpName = "MODEL=IN/OUT",
            AllowMultipleArgumentsPerToken = false,
        };
        var defaultMaxTokens = new Option<long?>("--default-max-tokens")
        {
            Description = $"For an LLM service: the output cap set on a request that sets none (default {Airlock.Core.Llm.LlmSettings.StandardMaxTokens}).",
            HelpName = "N",
        };
        var command = new Command(
            "add",
            $"Register a service. Every secret its templates reference must already exist.\n\n{ExitCodes.AdminHelpText}")
        {
            name, url, inject, description, policyBody, llm, price, defaultMaxTokens,
        };
        var options = AdminOptions.AddTo(command);
        AdminCommandRunner.SetAction(command, options, async (parse, call, ct) =>
        {
            var service = AdminNames.Service(parse.GetRequiredValue(name), "NAME");
            var baseUrl = AdminInput.ServiceUrl(parse.GetRequiredValue(url), "--url");
            var credential = InjectSpecParser.Parse(parse.GetRequiredValue(inject), "--inject");
            var llmSettings = LlmOptionsParser.Parse(parse.GetValue(llm), parse.GetValue(price) ?? [], parse.GetValue(defaultMaxTokens));
            var response = await call.Client.AddServiceAsync(service, baseUrl, parse.GetValue(description), credential, parse.GetValue(policyBody), llmSettings, ct).ConfigureAwait(false);
            WriteOne(call, response.Value, response.Json);
            return ExitCodes.Success;
        }, new AdminHints(Conflict: "the service exists; remove it first with `airlock service remove NAME`"));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", $"List the services.\n\n{ExitCodes.AdminHelpText}");
        var options = AdminOptions.AddTo(command);
        AdminCommandRunner.SetAction(command, options, async (parse, call, ct) =>
        {
            var response = await call.Client.ListServicesAsync(ct).ConfigureAwait(false);
            if (call.Json)
            {
                call.WriteJson(response.Json);
                return ExitCodes.Success;
            }

            var table = new TextTable("NAME", "URL", "CREDENTIAL", "SOURCE", "DESCRIPTION");
            foreach (var s in response.Value)
            {
                table.Add(s.Name, s.Url, s.Credential.Kind, s.Source, s.Description);
            }

            table.Write(call.Io.Out, "no services");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show()
    {
        var name = new Argument<string>("NAME") { Description = "The service to show." };
        var command = new Command("show", $"Show a service and its credential binding (template text only, never a value).\n\n{ExitCodes.AdminHelpText}") { name };
        var options = AdminOptions.AddTo(command);
        AdminCommandRunner.SetAction(command, options, async (parse, call, ct) =>
        {
            var response = await call.Client.GetServiceAsync(AdminNames.Service(parse.GetRequiredValue(name), "NAME"), ct).ConfigureAwait(false);
            WriteOne(call, response.Value, response.Json);
            return ExitCodes.Success;
        }, NotFound);
        return command;
    }

    private static Command Remove()
    {
        var name = new Argument<string>("NAME") { Description = "The service to remove." };
        var command = new Command("remove", $"Remove a service; agents can no longer call it.\n\n{ExitCodes.AdminHelpText}") { name };
        var options = AdminOptions.AddTo(command);
        AdminCommandRunner.SetAction(command, options, async (parse, call, ct) =>
        {
            var service = AdminNames.Service(parse.GetRequiredValue(name), "NAME");
            await call.Client.RemoveServiceAsync(service, ct).ConfigureAwait(false);
            if (!call.Json)
            {
                call.Io.Out.WriteLine($"removed service `{service}`");
            }

            return ExitCodes.Success;
        }, NotFound);
        return command;
    }

    private static void WriteOne(AdminCall call, ServiceInfo service, System.Text.Json.JsonElement json)
    {
        if (call.Json)
        {
            call.WriteJson(json);
            return;
        }

        new KeyValueList()
            .Add("name", service.Name)
            .Add("url", service.Url)
            .Add("credential", service.Credential.ToInjectSpec())
            .Add("description", service.Description)
            .Add("policy body", service.PolicyBody ? "shown to policy" : "not shown to policy")
            .Add("llm", service.Llm is null ? "no" : $"{service.Llm.Provider}, at /llm/{service.Name}/, {service.Llm.Prices.Count} priced model(s), default cap {service.Llm.DefaultMaxTokens} tokens")
            .Add("source", service.Source)
            .Add("created", TextTable.Time(service.Created))
            .Write(call.Io.Out);
    }
}
