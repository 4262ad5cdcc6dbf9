namespace LlmOs.Engine.Intents;

/// <summary>
/// The intents apps have registered, whichever transport they came by. A registration lives as long as its
/// owner's connection: the transport calls <see cref="RemoveOwner"/> when the connection goes. An utterance of a
/// user goes to a handler registered by that user, else to one registered by root (a system-wide handler); no
/// other user's app ever sees it. When several handlers take the same intent, the newest registration wins.
/// </summary>
public sealed class IntentRegistry
{
    private readonly Lock _gate = new();
    private readonly List<IntentRegistration> _registrations = [];
    private long _sequence;

    /// <summary>Raised after any change, outside the lock (the speech grammar rebuilds from it).</summary>
    public event Action? Changed;

    /// <summary>Adds a handler's intents, replacing what the same owner registered before for the same handler.</summary>
    public IntentRegistration Register(string owner, uint ownerUid, IIntentHandler handler, IReadOnlyList<IntentDefinition> intents)
    {
        IntentRegistration registration;
        lock (_gate)
        {
            _registrations.RemoveAll(r => r.Owner == owner && r.Handler.Address == handler.Address);
            registration = new IntentRegistration(owner, ownerUid, handler, intents) { Sequence = ++_sequence };
            _registrations.Add(registration);
        }

        Changed?.Invoke();
        return registration;
    }

    /// <summary>Drops one handler of an owner; false when it had registered nothing under that address.</summary>
    public bool Unregister(string owner, string handlerAddress)
    {
        int removed;
        lock (_gate)
        {
            removed = _registrations.RemoveAll(r => r.Owner == owner && r.Handler.Address == handlerAddress);
        }

        if (removed > 0)
        {
            Changed?.Invoke();
        }

        return removed > 0;
    }

    /// <summary>Drops everything an owner registered: its connection is gone. Returns how many registrations went.</summary>
    public int RemoveOwner(string owner)
    {
        int removed;
        lock (_gate)
        {
            removed = _registrations.RemoveAll(r => r.Owner == owner);
        }

        if (removed > 0)
        {
            Changed?.Invoke();
        }

        return removed;
    }

    /// <summary>Whether an owner holds any registration (transports watch only owners that do).</summary>
    public bool HasOwner(string owner)
    {
        lock (_gate)
        {
            return _registrations.Exists(r => r.Owner == owner);
        }
    }

    /// <summary>The handler for <paramref name="intent"/> asked on behalf of <paramref name="callerUid"/>, or null.</summary>
    public (IntentRegistration Registration, IntentDefinition Intent)? Find(string intent, uint callerUid)
    {
        lock (_gate)
        {
            return Newest(intent, callerUid) ?? (callerUid == 0 ? null : Newest(intent, 0));
        }
    }

    /// <summary>Every registration visible to <paramref name="uid"/> (its own and root's; root sees all), oldest first.</summary>
    public List<IntentRegistration> List(uint uid)
    {
        lock (_gate)
        {
            return _registrations.FindAll(r => uid == 0 || r.OwnerUid == uid || r.OwnerUid == 0);
        }
    }

    private (IntentRegistration, IntentDefinition)? Newest(string intent, uint uid)
    {
        for (int i = _registrations.Count - 1; i >= 0; i--)
        {
            var registration = _registrations[i];
            if (registration.OwnerUid != uid)
            {
                continue;
            }

            foreach (var definition in registration.Intents)
            {
                if (definition.Name == intent)
                {
                    return (registration, definition);
                }
            }
        }

        return null;
    }
}
