using LlmOs.Engine.Intents;

namespace LlmOs.Engine.Tests.Intents;

public sealed class IntentRegistryTests
{
    private const uint Alice = 1000;
    private const uint Bob = 1001;
    private const uint Root = 0;

    private readonly IntentRegistry _registry = new();

    private static IntentDefinition Intent(string name) => new(name, ["say " + name], new Dictionary<string, string> { ["app"] = "text" });

    private IntentRegistration Register(string owner, uint uid, FakeIntentHandler handler, params string[] intents) =>
        _registry.Register(owner, uid, handler, [.. intents.Select(Intent)]);

    [Fact]
    public void The_newest_registration_of_an_intent_wins_and_the_older_takes_over_when_it_leaves()
    {
        var older = new FakeIntentHandler("a:/older");
        var newer = new FakeIntentHandler("b:/newer");
        Register(":1.1", Alice, older, "app.open", "timer.set");
        Register(":1.2", Alice, newer, "app.open");

        var (winner, definition) = _registry.Find("app.open", Alice)!.Value;
        Assert.Same(newer, winner.Handler);
        Assert.Equal("app.open", definition.Name);
        Assert.Same(older, _registry.Find("timer.set", Alice)!.Value.Registration.Handler);

        Assert.Equal(1, _registry.RemoveOwner(":1.2"));
        Assert.Same(older, _registry.Find("app.open", Alice)!.Value.Registration.Handler);
    }

    [Fact]
    public void Registering_again_under_the_same_owner_and_address_replaces_the_intents_and_counts_as_newest()
    {
        var handler = new FakeIntentHandler("a:/app");
        var other = new FakeIntentHandler("b:/other");
        var first = Register(":1.1", Alice, handler, "app.open", "app.close");
        Register(":1.2", Alice, other, "app.open");
        var second = Register(":1.1", Alice, handler, "app.open");

        Assert.True(second.Sequence > first.Sequence);
        Assert.Single(_registry.List(Alice), r => r.Owner == ":1.1");
        Assert.Null(_registry.Find("app.close", Alice));
        Assert.Same(handler, _registry.Find("app.open", Alice)!.Value.Registration.Handler);
    }

    [Fact]
    public void A_users_requests_reach_only_that_users_handlers_else_roots()
    {
        var alices = new FakeIntentHandler("a:/alice");
        var roots = new FakeIntentHandler("r:/system");
        Register(":1.1", Alice, alices, "app.open");
        Register(":1.9", Root, roots, "app.open", "screen.lock");

        Assert.Same(alices, _registry.Find("app.open", Alice)!.Value.Registration.Handler); // her own, though root's is newer
        Assert.Same(roots, _registry.Find("app.open", Bob)!.Value.Registration.Handler);   // never Alice's
        Assert.Same(roots, _registry.Find("screen.lock", Alice)!.Value.Registration.Handler);
        Assert.Same(roots, _registry.Find("app.open", Root)!.Value.Registration.Handler);

        Register(":1.3", Alice, new FakeIntentHandler("a:/notes"), "notes.add");
        Assert.Null(_registry.Find("notes.add", Bob));
        Assert.Null(_registry.Find("notes.add", Root)); // root's own requests go to root's handlers only
        Assert.Null(_registry.Find("nobody.has", Alice));
    }

    [Fact]
    public void A_user_lists_its_own_and_roots_registrations_and_root_lists_all_oldest_first()
    {
        Register(":1.1", Alice, new FakeIntentHandler("a:/alice"), "app.open");
        Register(":1.2", Bob, new FakeIntentHandler("b:/bob"), "app.open");
        Register(":1.3", Root, new FakeIntentHandler("r:/system"), "screen.lock");

        Assert.Equal([":1.1", ":1.3"], _registry.List(Alice).Select(r => r.Owner));
        Assert.Equal([":1.2", ":1.3"], _registry.List(Bob).Select(r => r.Owner));
        Assert.Equal([":1.1", ":1.2", ":1.3"], _registry.List(Root).Select(r => r.Owner));
        Assert.DoesNotContain(_registry.List(4242), r => r.OwnerUid != Root);
    }

    [Fact]
    public void Unregister_drops_one_handler_of_its_owner_only()
    {
        var app = new FakeIntentHandler("same:/path");
        Register(":1.1", Alice, app, "app.open");
        Register(":1.1", Alice, new FakeIntentHandler("other:/path"), "timer.set");
        Register(":1.2", Alice, new FakeIntentHandler("same:/path"), "notes.add");

        Assert.False(_registry.Unregister(":1.1", "missing:/path"));
        Assert.False(_registry.Unregister(":1.7", "same:/path"));
        Assert.True(_registry.Unregister(":1.1", "same:/path"));

        Assert.Null(_registry.Find("app.open", Alice));
        Assert.NotNull(_registry.Find("timer.set", Alice));
        Assert.NotNull(_registry.Find("notes.add", Alice)); // another owner's handler at the same path stays
        Assert.True(_registry.HasOwner(":1.1"));
    }

    [Fact]
    public void RemoveOwner_drops_everything_the_owner_registered()
    {
        Register(":1.1", Alice, new FakeIntentHandler("a:/one"), "app.open");
        Register(":1.1", Alice, new FakeIntentHandler("a:/two"), "timer.set");
        Register(":1.2", Alice, new FakeIntentHandler("b:/three"), "notes.add");

        Assert.Equal(2, _registry.RemoveOwner(":1.1"));
        Assert.False(_registry.HasOwner(":1.1"));
        Assert.True(_registry.HasOwner(":1.2"));
        Assert.Null(_registry.Find("app.open", Alice));
        Assert.Null(_registry.Find("timer.set", Alice));
        Assert.Equal(0, _registry.RemoveOwner(":1.1"));
    }

    [Fact]
    public void Changed_is_raised_after_each_change_and_not_for_what_changes_nothing()
    {
        int changes = 0;
        IntentRegistration? seen = null;
        _registry.Changed += () =>
        {
            changes++;
            seen = _registry.Find("app.open", Alice)?.Registration; // outside the lock: the registry can be read
        };

        var registration = Register(":1.1", Alice, new FakeIntentHandler("a:/app"), "app.open");
        Assert.Equal(1, changes);
        Assert.Same(registration, seen);

        Assert.False(_registry.Unregister(":1.1", "no:/such"));
        Assert.Equal(0, _registry.RemoveOwner(":9.9"));
        Assert.Equal(1, changes);

        Assert.True(_registry.Unregister(":1.1", "a:/app"));
        Assert.Equal(2, changes);
        Assert.Null(seen);

        Register(":1.1", Alice, new FakeIntentHandler("a:/app"), "app.open");
        Assert.Equal(1, _registry.RemoveOwner(":1.1"));
        Assert.Equal(4, changes);
    }
}
