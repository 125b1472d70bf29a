using Gateway.Radio.ZWave.Serial;
using Gateway.Radio.ZWave.SerialApi;

namespace Gateway.Radio.ZWave.Simulator;

/// <summary>
/// The controller's network management: AddNodeToNetwork and RemoveNodeFromNetwork modes with their status callbacks,
/// IsFailedNode (a node out of reach is failed), RemoveFailedNode, ReplaceFailedNode, SetDefault (a new empty network)
/// and SoftReset (answered with SerialApiStarted). A node joins or leaves when its button is pressed during the mode.
/// </summary>
public sealed partial class ZWaveControllerSimulator
{
    private enum Mode
    {
        None,
        Inclusion,
        Exclusion,
        Replacement,
    }

    private readonly Lock _modeGate = new();
    private Mode _mode;
    private byte _modeCallback, _replacing, _included;
    private uint? _homeId;
    private int _silenceAfter = -1;

    public int SoftResets { get; private set; }
    public int Resets { get; private set; }

    /// <summary>True while the controller is in inclusion mode (or waits for a failed node's replacement).</summary>
    public bool Including
    {
        get
        {
            lock (_modeGate) return _mode is Mode.Inclusion or Mode.Replacement;
        }
    }

    /// <summary>True while the controller is in exclusion mode.</summary>
    public bool Excluding
    {
        get
        {
            lock (_modeGate) return _mode == Mode.Exclusion;
        }
    }

    /// <summary>The next request with this function id is ACKed, then the controller goes silent (mid-transaction) until <see cref="Silent"/> is cleared.</summary>
    public void SilenceAfterAcking(byte functionId) => Interlocked.Exchange(ref _silenceAfter, functionId);

    private bool SilencedAfterAck(byte functionId)
    {
        if (Interlocked.CompareExchange(ref _silenceAfter, -1, functionId) != functionId) return false;
        Silent = true;
        return true;
    }

    /// <summary>
    /// Someone presses the node's button. In inclusion mode a node outside the network joins with its own node id; in
    /// exclusion mode a node leaves (one of another network is reset too, reported with node id 0); while a failed
    /// node is replaced, the node takes its place. Returns false when the controller was in no mode (nothing happens).
    /// </summary>
    public bool PressButton(SimulatedZWaveNode node)
    {
        lock (_modeGate)
        {
            switch (_mode)
            {
                case Mode.Inclusion when !_nodes.ContainsKey(node.NodeId):
                    var information = new NodeInformation(NodeInformation.NodeInfoReceived, node.NodeId, node.Basic, node.Generic, node.Specific, node.CommandClasses);
                    Status(FunctionId.AddNodeToNetwork, AddNodeToNetwork.StatusNodeFound, 0);
                    EnqueueStatus(FunctionId.AddNodeToNetwork, new NetworkManagementStatus(_modeCallback, AddNodeToNetwork.StatusAddingSlave, node.NodeId, information));
                    AddNode(node);
                    _included = node.NodeId;
                    Status(FunctionId.AddNodeToNetwork, AddNodeToNetwork.StatusProtocolDone, node.NodeId);
                    return true;
                case Mode.Exclusion:
                    Status(FunctionId.RemoveNodeFromNetwork, RemoveNodeFromNetwork.StatusNodeFound, 0);
                    var member = _nodes.TryRemove(node.NodeId, out var removed) && removed == node;
                    if (removed is not null && !member) _nodes[node.NodeId] = removed;
                    if (member) node.Reporter = null;
                    Status(FunctionId.RemoveNodeFromNetwork, RemoveNodeFromNetwork.StatusRemovingSlave, member ? node.NodeId : (byte)0);
                    Status(FunctionId.RemoveNodeFromNetwork, RemoveNodeFromNetwork.StatusDone, member ? node.NodeId : (byte)0);
                    return true;
                case Mode.Replacement when node.NodeId == _replacing:
                    if (_nodes.TryRemove(node.NodeId, out var old)) old.Reporter = null;
                    AddNode(node);
                    Enqueue(SerialFrame.Request(FunctionId.ReplaceFailedNode, _modeCallback, FailedNode.StatusReplaceDone));
                    _mode = Mode.None;
                    return true;
                default:
                    return false;
            }
        }
    }

    private void Status(byte functionId, byte status, byte nodeId) => EnqueueStatus(functionId, new NetworkManagementStatus(_modeCallback, status, nodeId, null));

    private void EnqueueStatus(byte functionId, NetworkManagementStatus status) => Enqueue(SerialFrame.Request(functionId, status.Encode()));

    /// <summary>Answers the network management requests; false for the others.</summary>
    private bool AnswerNetworkManagement(SerialFrame request)
    {
        var p = request.Payload;
        lock (_modeGate)
        {
            switch (request.FunctionId)
            {
                case FunctionId.AddNodeToNetwork when p.Length >= 2:
                    StartOrStop(Mode.Inclusion, AddNodeToNetwork.ModeOf(p) == AddNodeToNetwork.ModeStop, p[1], FunctionId.AddNodeToNetwork);
                    return true;
                case FunctionId.RemoveNodeFromNetwork when p.Length >= 2:
                    StartOrStop(Mode.Exclusion, RemoveNodeFromNetwork.ModeOf(p) == RemoveNodeFromNetwork.ModeStop, p[1], FunctionId.RemoveNodeFromNetwork);
                    return true;
                case FunctionId.IsFailedNode when p.Length >= 1:
                    Enqueue(SerialFrame.Response(request.FunctionId, IsFailed(p[0]) ? (byte)1 : (byte)0));
                    return true;
                case FunctionId.RemoveFailedNode when p.Length >= 2:
                    if (!_nodes.ContainsKey(p[0]))
                    {
                        Enqueue(SerialFrame.Response(request.FunctionId, FailedNode.NodeNotFound));
                        return true;
                    }
                    Enqueue(SerialFrame.Response(request.FunctionId, FailedNode.Started));
                    var failed = IsFailed(p[0]);
                    if (failed) _nodes.TryRemove(p[0], out _);
                    Enqueue(SerialFrame.Request(request.FunctionId, p[1], failed ? FailedNode.StatusNodeRemoved : FailedNode.StatusNodeOk));
                    return true;
                case FunctionId.ReplaceFailedNode when p.Length >= 2:
                    if (!_nodes.ContainsKey(p[0]) || _mode != Mode.None)
                    {
                        Enqueue(SerialFrame.Response(request.FunctionId, _mode != Mode.None ? FailedNode.ProcessBusy : FailedNode.NodeNotFound));
                        return true;
                    }
                    Enqueue(SerialFrame.Response(request.FunctionId, FailedNode.Started));
                    if (!IsFailed(p[0]))
                    {
                        Enqueue(SerialFrame.Request(request.FunctionId, p[1], FailedNode.StatusNodeOk));
                        return true;
                    }
                    (_mode, _modeCallback, _replacing) = (Mode.Replacement, p[1], p[0]);
                    Enqueue(SerialFrame.Request(request.FunctionId, p[1], FailedNode.StatusReplaceReady));
                    return true;
                case FunctionId.SetDefault when p.Length >= 1:
                    Resets++;
                    foreach (var node in _nodes.Values) node.Reporter = null;
                    _nodes.Clear();
                    _mode = Mode.None;
                    _homeId = HomeId + 0x100;
                    Enqueue(SerialFrame.Request(request.FunctionId, p[0]));
                    return true;
                case FunctionId.SoftReset:
                    SoftResets++;
                    _mode = Mode.None;
                    Enqueue(SerialFrame.Request(FunctionId.SerialApiStarted, SetDefault.StartedAfterReset()));
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>Start puts the controller in the mode and answers ready; stop leaves any mode and answers done when it carries a callback id.</summary>
    private void StartOrStop(Mode mode, bool stop, byte callbackId, byte functionId)
    {
        if (stop)
        {
            _mode = Mode.None;
            if (callbackId != 0) Enqueue(SerialFrame.Request(functionId, new NetworkManagementStatus(callbackId, AddNodeToNetwork.StatusDone, _included, null).Encode()));
            return;
        }
        if (_mode != Mode.None && _mode != mode)
        {
            Enqueue(SerialFrame.Request(functionId, new NetworkManagementStatus(callbackId, AddNodeToNetwork.StatusFailed, 0, null).Encode()));
            return;
        }
        (_mode, _modeCallback, _included) = (mode, callbackId, 0);
        Status(functionId, AddNodeToNetwork.StatusReady, 0);
    }

    /// <summary>The controller has a node on its failed list when the node is in the network and out of reach.</summary>
    private bool IsFailed(byte nodeId) => _nodes.TryGetValue(nodeId, out var node) && !node.Reachable;
}
