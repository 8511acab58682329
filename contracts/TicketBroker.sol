// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title A stand-alone TicketBroker for local tests.
/// @notice Same function signatures, events, check order and revert strings as Livepeer's TicketBroker for the
/// parts a sender and a recipient touch. The RoundsManager and BondingManager it depends on in production are folded
/// in as owner-set state (current round, block hash per round, active transcoders), so tests control rounds directly.
/// Fees are credited to `feesEarned` instead of a fee pool in BondingManager; the ether stays in this contract.
contract TicketBroker {
    struct Ticket {
        address recipient;
        address sender;
        uint256 faceValue;
        uint256 winProb;
        uint256 senderNonce;
        bytes32 recipientRandHash;
        bytes auxData;
    }

    struct Sender {
        uint256 deposit;
        uint256 withdrawRound;
    }

    struct ReserveInfo {
        uint256 fundsRemaining;
        uint256 claimedInCurrentRound;
    }

    // Half the secp256k1 group order: signatures above it are malleable twins and are refused, as OpenZeppelin does.
    uint256 private constant HALF_ORDER = 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0;

    address public immutable owner;
    uint256 public ticketValidityPeriod = 2;
    uint256 public unlockPeriod = 2;

    uint256 public currentRound;
    bool public currentRoundInitialized;
    mapping(uint256 => bytes32) public blockHashForRound;
    mapping(address => bool) public isActiveTranscoder;
    uint256 private transcoderPoolSize;

    mapping(bytes32 => bool) public usedTickets;
    mapping(address => uint256) public feesEarned;
    mapping(address => Sender) private senders;
    mapping(address => uint256) private reserveFunds;
    // Reserve claims are tracked per round so that each round the reserve is shared afresh among active transcoders.
    mapping(address => mapping(uint256 => uint256)) private claimedForRound;
    mapping(address => mapping(uint256 => mapping(address => uint256))) private claimedByAddress;

    event DepositFunded(address indexed sender, uint256 amount);
    event ReserveFunded(address indexed reserveHolder, uint256 amount);
    event ReserveClaimed(address indexed reserveHolder, address claimant, uint256 amount);
    event WinningTicketRedeemed(
        address indexed sender,
        address indexed recipient,
        uint256 faceValue,
        uint256 winProb,
        uint256 senderNonce,
        uint256 recipientRand,
        bytes auxData
    );
    event WinningTicketTransfer(address indexed sender, address indexed recipient, uint256 amount);
    event Unlock(address indexed sender, uint256 startRound, uint256 endRound);
    event UnlockCancelled(address indexed sender);
    event Withdrawal(address indexed sender, uint256 deposit, uint256 reserve);
    event NewRound(uint256 indexed round, bytes32 blockHash);

    modifier onlyOwner() {
        require(msg.sender == owner, "caller must be the owner");
        _;
    }

    modifier roundInitialized() {
        require(currentRoundInitialized, "current round is not initialized");
        _;
    }

    constructor() {
        owner = msg.sender;
    }

    // ---- test controls (stand-ins for RoundsManager and BondingManager) ----

    /// @notice Makes `round` current, records its block hash and whether it counts as initialized.
    function setRound(uint256 round, bytes32 blockHash, bool initialized) external onlyOwner {
        currentRound = round;
        currentRoundInitialized = initialized;
        blockHashForRound[round] = blockHash;
        emit NewRound(round, blockHash);
    }

    /// @notice Adds or removes `transcoder` from the active set that may claim from reserves.
    function setActive(address transcoder, bool active) external onlyOwner {
        if (isActiveTranscoder[transcoder] == active) return;
        isActiveTranscoder[transcoder] = active;
        if (active) transcoderPoolSize++;
        else transcoderPoolSize--;
    }

    // ---- funding ----

    function fundDeposit() external payable {
        _fundDeposit(msg.sender, msg.value);
    }

    function fundReserve() external payable {
        _fundReserve(msg.sender, msg.value);
    }

    function fundDepositAndReserve(uint256 depositAmount, uint256 reserveAmount) external payable {
        _fundDepositAndReserveFor(msg.sender, depositAmount, reserveAmount);
    }

    function fundDepositAndReserveFor(address addr, uint256 depositAmount, uint256 reserveAmount) external payable {
        _fundDepositAndReserveFor(addr, depositAmount, reserveAmount);
    }

    // ---- redemption ----

    function redeemWinningTicket(Ticket memory ticket, bytes memory sig, uint256 recipientRand) public roundInitialized {
        bytes32 ticketHash = getTicketHash(ticket);

        require(ticket.recipient != address(0), "ticket recipient is null address");
        require(ticket.sender != address(0), "ticket sender is null address");
        _checkAuxData(ticket.auxData);
        require(
            keccak256(abi.encodePacked(recipientRand)) == ticket.recipientRandHash,
            "recipientRand does not match recipientRandHash"
        );
        require(!usedTickets[ticketHash], "ticket is used");
        require(_recover(ticketHash, sig) == ticket.sender, "invalid signature over ticket hash");
        require(uint256(keccak256(abi.encodePacked(sig, recipientRand))) < ticket.winProb, "ticket did not win");

        Sender storage sender = senders[ticket.sender];
        require(sender.withdrawRound == 0 || currentRound < sender.withdrawRound, "sender is unlocked");
        require(sender.deposit > 0 || reserveFunds[ticket.sender] > 0, "sender deposit and reserve are zero");

        usedTickets[ticketHash] = true;

        uint256 amount;
        if (ticket.faceValue > sender.deposit) {
            // The deposit is spent first; the rest comes from the recipient's share of the reserve, if any.
            amount = sender.deposit + _claimFromReserve(ticket.sender, ticket.recipient, ticket.faceValue - sender.deposit);
            sender.deposit = 0;
        } else {
            amount = ticket.faceValue;
            sender.deposit -= ticket.faceValue;
        }

        if (amount > 0) {
            feesEarned[ticket.recipient] += amount;
            emit WinningTicketTransfer(ticket.sender, ticket.recipient, amount);
        }

        emit WinningTicketRedeemed(
            ticket.sender,
            ticket.recipient,
            ticket.faceValue,
            ticket.winProb,
            ticket.senderNonce,
            recipientRand,
            ticket.auxData
        );
    }

    /// @notice Redeems each ticket on its own; a failing ticket does not stop the others.
    function batchRedeemWinningTickets(Ticket[] memory tickets, bytes[] memory sigs, uint256[] memory recipientRands)
        external
        roundInitialized
    {
        for (uint256 i = 0; i < tickets.length; i++) {
            (bool ok, ) = address(this).call(
                abi.encodeWithSelector(this.redeemWinningTicket.selector, tickets[i], sigs[i], recipientRands[i])
            );
            ok; // failures are ignored on purpose, as in production
        }
    }

    // ---- unlock and withdraw ----

    function unlock() external {
        Sender storage sender = senders[msg.sender];
        require(sender.deposit > 0 || reserveFunds[msg.sender] > 0, "sender deposit and reserve are zero");
        require(!_isUnlockInProgress(sender), "unlock already initiated");
        sender.withdrawRound = currentRound + unlockPeriod;
        emit Unlock(msg.sender, currentRound, sender.withdrawRound);
    }

    function cancelUnlock() external {
        Sender storage sender = senders[msg.sender];
        require(_isUnlockInProgress(sender), "no unlock request in progress");
        sender.withdrawRound = 0;
        emit UnlockCancelled(msg.sender);
    }

    function withdraw() external {
        Sender storage sender = senders[msg.sender];
        uint256 deposit = sender.deposit;
        uint256 reserve = reserveFunds[msg.sender];
        require(deposit > 0 || reserve > 0, "sender deposit and reserve are zero");
        require(_isUnlockInProgress(sender), "no unlock request in progress");
        require(sender.withdrawRound <= currentRound, "account is locked");
        delete senders[msg.sender];
        reserveFunds[msg.sender] = 0;
        emit Withdrawal(msg.sender, deposit, reserve);
        (bool ok, ) = payable(msg.sender).call{value: deposit + reserve}("");
        require(ok, "withdrawal transfer failed");
    }

    function isUnlockInProgress(address sender) external view returns (bool) {
        return _isUnlockInProgress(senders[sender]);
    }

    // ---- views ----

    /// @notice The number of active transcoders, under BondingManager's name for it.
    function getTranscoderPoolSize() external view returns (uint256) {
        return transcoderPoolSize;
    }

    function getSenderInfo(address addr) external view returns (Sender memory sender, ReserveInfo memory reserve) {
        return (senders[addr], getReserveInfo(addr));
    }

    function getReserveInfo(address reserveHolder) public view returns (ReserveInfo memory info) {
        return ReserveInfo(reserveFunds[reserveHolder], claimedForRound[reserveHolder][currentRound]);
    }

    /// @notice What `claimant` may still take from the reserve this round: an equal share per active transcoder.
    function claimableReserve(address reserveHolder, address claimant) public view returns (uint256) {
        if (!isActiveTranscoder[claimant] || transcoderPoolSize == 0) return 0;
        uint256 fundsAtRoundStart = reserveFunds[reserveHolder] + claimedForRound[reserveHolder][currentRound];
        uint256 allocation = fundsAtRoundStart / transcoderPoolSize;
        uint256 claimed = claimedByAddress[reserveHolder][currentRound][claimant];
        return allocation > claimed ? allocation - claimed : 0;
    }

    function claimedReserve(address reserveHolder, address claimant) external view returns (uint256) {
        return claimedByAddress[reserveHolder][currentRound][claimant];
    }

    function getTicketHash(Ticket memory ticket) public pure returns (bytes32) {
        return keccak256(
            abi.encodePacked(
                ticket.recipient,
                ticket.sender,
                ticket.faceValue,
                ticket.winProb,
                ticket.senderNonce,
                ticket.recipientRandHash,
                ticket.auxData
            )
        );
    }

    // ---- internals ----

    function _fundDeposit(address addr, uint256 amount) private {
        senders[addr].deposit += amount;
        emit DepositFunded(addr, amount);
    }

    function _fundReserve(address addr, uint256 amount) private {
        reserveFunds[addr] += amount;
        emit ReserveFunded(addr, amount);
    }

    function _fundDepositAndReserveFor(address addr, uint256 depositAmount, uint256 reserveAmount) private {
        require(msg.value == depositAmount + reserveAmount, "msg.value does not equal sum of deposit amount and reserve amount");
        // Reserve first, then deposit: the production contract emits the events in this order.
        _fundReserve(addr, reserveAmount);
        _fundDeposit(addr, depositAmount);
    }

    function _checkAuxData(bytes memory auxData) private view {
        uint256 creationRound;
        require(auxData.length == 64, "invalid length for ticket auxData: must be 64 bytes");
        bytes32 creationRoundBlockHash;
        assembly {
            creationRound := mload(add(auxData, 32))
            creationRoundBlockHash := mload(add(auxData, 64))
        }
        bytes32 knownHash = blockHashForRound[creationRound];
        require(knownHash != bytes32(0), "ticket creationRound does not have a block hash");
        require(knownHash == creationRoundBlockHash, "ticket creationRoundBlockHash invalid for creationRound");
        require(creationRound + ticketValidityPeriod > currentRound, "ticket is expired");
    }

    /// @dev personal_sign recovery with OpenZeppelin's rules and messages: 65 bytes, low s, v of 27 or 28.
    function _recover(bytes32 ticketHash, bytes memory sig) private pure returns (address) {
        require(sig.length == 65, "INVALID_SIGNATURE_LENGTH");
        bytes32 r;
        bytes32 s;
        uint8 v;
        assembly {
            r := mload(add(sig, 32))
            s := mload(add(sig, 64))
            v := byte(0, mload(add(sig, 96)))
        }
        require(uint256(s) <= HALF_ORDER, "ECDSA: invalid signature 's' value");
        require(v == 27 || v == 28, "ECDSA: invalid signature 'v' value");
        bytes32 digest = keccak256(abi.encodePacked("\x19Ethereum Signed Message:\n32", ticketHash));
        address signer = ecrecover(digest, v, r, s);
        require(signer != address(0), "ECDSA: invalid signature");
        return signer;
    }

    function _claimFromReserve(address reserveHolder, address claimant, uint256 amount) private returns (uint256) {
        uint256 claimable = claimableReserve(reserveHolder, claimant);
        uint256 claimAmount = amount > claimable ? claimable : amount;
        if (claimAmount == 0) return 0;
        reserveFunds[reserveHolder] -= claimAmount;
        claimedForRound[reserveHolder][currentRound] += claimAmount;
        claimedByAddress[reserveHolder][currentRound][claimant] += claimAmount;
        emit ReserveClaimed(reserveHolder, claimant, claimAmount);
        return claimAmount;
    }

    function _isUnlockInProgress(Sender storage sender) private view returns (bool) {
        return sender.withdrawRound > 0;
    }
}
