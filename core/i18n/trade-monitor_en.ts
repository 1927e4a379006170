<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountSet</name>
    <message numerus="yes">
        <source>%1 of %n account(s) live</source>
        <translation>
            <numerusform>%1 of %n account live</numerusform>
            <numerusform>%1 of %n accounts live</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message numerus="yes">
        <source>%n position(s) opened</source>
        <translation>
            <numerusform>%n position opened</numerusform>
            <numerusform>%n positions opened</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n position(s) closed</source>
        <translation>
            <numerusform>%n position closed</numerusform>
            <numerusform>%n positions closed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClosedTradesPage</name>
    <message numerus="yes">
        <source>%n trade(s)</source>
        <translation>
            <numerusform>%n trade</numerusform>
            <numerusform>%n trades</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n trade(s) shown (%2)</source>
        <translation>
            <numerusform>%1 of %n trade shown (%2)</numerusform>
            <numerusform>%1 of %n trades shown (%2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionLog</name>
    <message numerus="yes">
        <source>Snapshot with %n position(s): live</source>
        <translation>
            <numerusform>Snapshot with %n position: live</numerusform>
            <numerusform>Snapshot with %n positions: live</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) left out of lists in %1 s; the first: %2</source>
        <translation>
            <numerusform>%n row left out of lists in %1 s; the first: %2</numerusform>
            <numerusform>%n rows left out of lists in %1 s; the first: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The feed sent %n item(s) this version cannot read in %1 s; the first: %2</source>
        <translation>
            <numerusform>The feed sent %n item this version cannot read in %1 s; the first: %2</numerusform>
            <numerusform>The feed sent %n items this version cannot read in %1 s; the first: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeedProbe</name>
    <message numerus="yes">
        <source>%n position(s) came</source>
        <translation>
            <numerusform>%n position came</numerusform>
            <numerusform>%n positions came</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeedSession</name>
    <message numerus="yes">
        <source>%n row(s) of a %1 message could not be read</source>
        <translation>
            <numerusform>%n row of a %1 message could not be read</numerusform>
            <numerusform>%n rows of a %1 message could not be read</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeedStatus</name>
    <message numerus="yes">
        <source>updated %n s ago</source>
        <translation>
            <numerusform>updated %n s ago</numerusform>
            <numerusform>updated %n s ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n account</numerusform>
            <numerusform>%n accounts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpenTradesPage</name>
    <message numerus="yes">
        <source>%n position(s)</source>
        <translation>
            <numerusform>%n position</numerusform>
            <numerusform>%n positions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n position(s) shown (%2)</source>
        <translation>
            <numerusform>%1 of %n position shown (%2)</numerusform>
            <numerusform>%1 of %n positions shown (%2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(and %n more account(s) not live)</source>
        <translation>
            <numerusform>(and %n more account not live)</numerusform>
            <numerusform>(and %n more accounts not live)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PerformanceCharts</name>
    <message numerus="yes">
        <source>%n trade(s)</source>
        <translation>
            <numerusform>%n trade</numerusform>
            <numerusform>%n trades</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n trade(s) · net %2 · balance %3</source>
        <translation>
            <numerusform>%1 · %n trade · net %2 · balance %3</numerusform>
            <numerusform>%1 · %n trades · net %2 · balance %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PositionsGroupModel</name>
    <message numerus="yes">
        <source>%1 — %n position(s), net %2</source>
        <translation>
            <numerusform>%1 — %n position, net %2</numerusform>
            <numerusform>%1 — %n positions, net %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n position(s), no total: %2</source>
        <translation>
            <numerusform>%1 — %n position, no total: %2</numerusform>
            <numerusform>%1 — %n positions, no total: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketManager</name>
    <message numerus="yes">
        <source>%1 — %n retries over %2</source>
        <translation>
            <numerusform>%1 — %n retry over %2</numerusform>
            <numerusform>%1 — %n retries over %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TradeText</name>
    <message numerus="yes">
        <source>%n closed trade(s)</source>
        <translation>
            <numerusform>%n closed trade</numerusform>
            <numerusform>%n closed trades</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n position(s) thought closed while the feed was away turned out open; Closed Trades shows a close until the history can be corrected</source>
        <translation>
            <numerusform>%n position thought closed while the feed was away turned out open; Closed Trades shows a close until the history can be corrected</numerusform>
            <numerusform>%n positions thought closed while the feed was away turned out open; Closed Trades shows a close until the history can be corrected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowHost</name>
    <message numerus="yes">
        <source>The accounts take effect at the next start: %n closed trade(s) not saved yet would be lost now.</source>
        <translation>
            <numerusform>The accounts take effect at the next start: %n closed trade not saved yet would be lost now.</numerusform>
            <numerusform>The accounts take effect at the next start: %n closed trades not saved yet would be lost now.</numerusform>
        </translation>
    </message>
</context>
</TS>
