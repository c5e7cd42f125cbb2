// One form for every kind of record, driven by forms.js. Its RecordEditor holds the record (the
// wire JSON) and saves it through the local store, which validates it with the domain library and
// writes it and its outbox entry in one transaction. A refused save names the field and the problem.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ledger.App
import Ledger.Positioning
import "forms.js" as Forms

Page {
    id: page
    required property Navigator navigator
    property string kind
    property string recordId          // empty: a new record
    property var defaults: ({})       // fields preset by the caller (a milestone's project, …)
    // The kind's fields; those marked `reviewer` (the unit a reviewer enters a claim for) only for reviewers.
    readonly property var specs: (Forms.specs[page.kind] || []).filter(s => !s.reviewer || Session.isReviewer)
    readonly property alias record: editor.record
    readonly property alias errorField: editor.errorField
    readonly property alias errorMessage: editor.errorMessage
    // Every field the last save refused, key → why; all are marked at once.
    readonly property alias fieldErrors: editor.fieldErrors
    signal saved(string id)
    // Asks the opener to take the form away (after a save, or cancelled).
    signal closed()

    title: recordId === "" ? qsTr("新建") + " · " + (Format.kindNames[kind] || "") : (Format.kindNames[kind] || "")

    RecordEditor {
        id: editor
        kind: page.kind
        recordId: page.recordId
        defaults: page.defaults
        fields: page.specs
        onSaved: (id) => page.saved(id)
    }

    property CheckInController checkInController: null

    function setField(key, value) {
        editor.setField(key, value)
        if (key === "enterprise" && checkInController && !editor.record.checkIn)
            editor.prepareCheckIn(checkInController, value)
    }

    function save() {
        if (editor.save())
            page.closed()
    }

    // Leaving (返回, back, 取消): changes not saved are kept as a draft or thrown away, as the person says.
    function leave() {
        if (editor.dirty)
            leaveDialog.open()
        else
            page.closed()
    }
    function keepDraft() {
        if (editor.dirty)
            editor.keepDraft()
    }
    LeaveDialog {
        id: leaveDialog
        onKeep: { editor.keepDraft(); page.closed() }
        onDiscard: { editor.discardDraft(); page.closed() }
    }
    // A check-in beyond the scheme's distance is kept only with the person's reason.
    FarCheckInDialog {
        id: farDialog
        onConfirmed: (reason) => {
            page.setField("checkIn", farDialog.checkIn)
            page.setField("farCheckInReason", reason)
            page.setField("noCheckInReason", "")
        }
        onRetried: if (page.checkInController) page.checkInController.retry()
    }

    // A new visit made on this trip: the visit names the trip, so the trip is saved first
    // (checked as 保存 checks it) and stays open underneath to show the visit once it is saved.
    function addVisitOnTrip() {
        if (!editor.save())
            return
        page.recordId = editor.recordId
        editor.load()
        page.navigator.open("RecordForm.qml", { kind: "visit", defaults: { trip: editor.recordId, date: editor.record.start } })
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            // Narrower margins on a phone.
            x: scroll.availableWidth < 500 ? 12 : 24
            width: Math.min(scroll.availableWidth - 2 * x, 900)
            spacing: 14

            Item { Layout.preferredHeight: 8 }

            Label {
                visible: page.record.review !== undefined && page.record.review.state === "returned"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: "#b00020"
                text: qsTr("已退回：%1").arg(page.record.review ? (page.record.review.reason || "") : "")
            }
            Label {
                objectName: "draftNotice"
                visible: editor.hasDraft
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: "#555"
                text: qsTr("草稿：只保存在本机，点“保存”后才会提交和同步")
            }
            Label {
                visible: editor.rejectedReason !== ""
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: "#b00020"
                text: qsTr("服务器未接收：%1。请修改后重新保存。").arg(editor.rejectedReason)
            }

            Repeater {
                model: page.specs
                // A Column, not a ColumnLayout: Qt 6.4's nested layouts kept a field as tall as its
                // editor first was (the industries' check boxes laid out one a row before the form had
                // its width), leaving a gap under it; a Column follows its children's heights.
                delegate: Column {
                    id: field
                    required property var modelData
                    readonly property var spec: modelData
                    readonly property string key: modelData.key
                    readonly property bool hasError: page.fieldErrors[key] !== undefined
                                                     || (page.errorField !== "" && (page.errorField === key || page.errorField.startsWith(key + ".") || page.errorField.startsWith(key + "[")))
                    Layout.fillWidth: true
                    spacing: 4

                    Label {
                        text: qsTranslate("forms", field.modelData.label) + (field.modelData.optional ? "" : " *")
                        width: parent.width
                        wrapMode: Text.Wrap
                        font.pixelSize: 16
                        color: field.hasError ? "#b00020" : palette.text
                    }

                    // The field's editor. Not a Loader: Qt 6.4's Loader refuses components bound to
                    // their context (pragma ComponentBehavior: Bound); createObject() takes them.
                    Item {
                        id: editorHost
                        objectName: "editorHost"
                        property Item item: null
                        width: parent.width
                        implicitHeight: item ? item.implicitHeight : 0
                        Component.onCompleted: item = sourceComponent.createObject(editorHost, { width: Qt.binding(() => editorHost.width) })
                        readonly property Component sourceComponent: {
                            switch (field.modelData.type) {
                            case "textarea": return textAreaEditor
                            case "date": return dateEditor
                            case "money": return moneyEditor
                            case "bool": return boolEditor
                            case "choice": return choiceEditor
                            case "enterprise": return enterpriseEditor
                            case "industry": return industryEditor
                            case "industries": return industriesEditor
                            case "institutions": return institutionsEditor
                            case "attachments": return attachmentsEditor
                            case "checkin": return checkInEditor
                            case "trip": return tripEditor
                            case "tripVisits": return tripVisitsEditor
                            case "unit": return unitEditor
                            case "projects": return projectsEditor
                            default: return textEditor
                            }
                        }
                        readonly property var spec: field.modelData
                    }

                    // The editors of the field's types; the host above shows the one it needs.
                    Component {
                        id: textEditor
                        TextField {
                            text: page.record[field.spec.key] || ""
                            font.pixelSize: 17
                            onTextEdited: page.setField(field.spec.key, text)
                        }
                    }
                    Component {
                        id: textAreaEditor
                        TextArea {
                            text: page.record[field.spec.key] || ""
                            wrapMode: TextEdit.Wrap
                            font.pixelSize: 17
                            implicitHeight: Math.max(96, contentHeight + 24)
                            onTextChanged: if (text !== (page.record[field.spec.key] || "")) page.setField(field.spec.key, text)
                        }
                    }
                    Component {
                        id: dateEditor
                        DateField {
                            value: page.record[field.spec.key] || ""
                            optional: field.spec.optional === true
                            hasError: field.hasError
                            onPicked: (value) => page.setField(field.spec.key, value)
                        }
                    }
                    Component {
                        id: moneyEditor
                        AmountField {
                            id: money
                            currency: field.spec.currencyFrom
                                ? (page.record[field.spec.currencyFrom] === "outside_province_rmb" || !page.record[field.spec.currencyFrom] ? "CNY" : "USD")
                                : field.spec.currency
                            amount: page.record[field.spec.key] ? page.record[field.spec.key].amount : ""
                            hasError: field.hasError
                            showsProblem: false
                            onEdited: (amount) => page.setField(field.spec.key, amount === "" ? undefined : { currency: money.currency, amount: amount })
                            onInvalid: (message) => editor.markInvalid(field.spec.key, message)
                        }
                    }
                    Component {
                        id: boolEditor
                        Switch {
                            checked: page.record[field.spec.key] === true
                            onToggled: page.setField(field.spec.key, checked)
                        }
                    }
                    Component {
                        id: choiceEditor
                        ComboBox {
                            model: field.spec.choices.map(c => ({ value: c.value, label: qsTranslate("forms", c.label) }))
                            textRole: "label"
                            valueRole: "value"
                            font.pixelSize: 17
                            Component.onCompleted: currentIndex = Math.max(0, indexOfValue(page.record[field.spec.key] || ""))
                            onActivated: page.setField(field.spec.key, currentValue)
                        }
                    }
                    Component {
                        id: enterpriseEditor
                        EnterprisePicker {
                            navigator: page.navigator
                            value: page.record[field.spec.key] || ""
                            hasError: field.hasError
                            onPicked: (value) => page.setField(field.spec.key, value)
                        }
                    }
                    Component {
                        id: industryEditor
                        ComboBox {
                            model: [{ key: "", name: qsTr("未选择") }].concat(Format.industries)
                            textRole: "name"
                            valueRole: "key"
                            font.pixelSize: 17
                            Component.onCompleted: currentIndex = Math.max(0, indexOfValue(page.record[field.spec.key] || ""))
                            onActivated: page.setField(field.spec.key, currentValue)
                        }
                    }
                    Component {
                        id: industriesEditor
                        Flow {
                            spacing: 8
                            Repeater {
                                model: Format.industries
                                CheckBox {
                                    id: industry
                                    required property var modelData
                                    text: industry.modelData.name + (industry.modelData.leading ? "" : qsTr("（新兴）"))
                                    checked: (page.record[field.spec.key] || []).indexOf(industry.modelData.key) >= 0
                                    onToggled: {
                                        let list = (page.record[field.spec.key] || []).filter(k => k !== industry.modelData.key)
                                        if (industry.checked)
                                            list.push(industry.modelData.key)
                                        page.setField(field.spec.key, list)
                                    }
                                }
                            }
                        }
                    }
                    Component {
                        id: institutionsEditor
                        ColumnLayout {
                            Repeater {
                                model: page.record[field.spec.key] || []
                                RowLayout {
                                    id: institution
                                    required property var modelData
                                    required property int index
                                    Label {
                                        Layout.fillWidth: true
                                        wrapMode: Text.Wrap
                                        text: institution.modelData.name + " · "
                                              + qsTranslate("forms", Forms.institutionCategories.find(c => c.value === institution.modelData.category).label)
                                    }
                                    Button {
                                        text: qsTr("删除")
                                        onClicked: {
                                            let list = page.record[field.spec.key].slice()
                                            list.splice(institution.index, 1)
                                            page.setField(field.spec.key, list)
                                        }
                                    }
                                }
                            }
                            TextField { id: instName; Layout.fillWidth: true; placeholderText: qsTr("机构或企业家名称") }
                            RowLayout {
                                Layout.fillWidth: true
                                // As wide as the form allows, and its list as wide as its longest
                                // type, so no type is cut off.
                                ComboBox {
                                    id: instCategory
                                    Layout.fillWidth: true
                                    model: Forms.institutionCategories.map(c => ({ value: c.value, label: qsTranslate("forms", c.label) }))
                                    textRole: "label"
                                    valueRole: "value"
                                    popup.width: Math.max(width, 280)
                                }
                                Button {
                                    text: qsTr("添加")
                                    enabled: instName.text.trim() !== ""
                                    onClicked: {
                                        let list = (page.record[field.spec.key] || []).slice()
                                        list.push({ name: instName.text.trim(), category: instCategory.currentValue, date: page.record.start || Settings.today })
                                        page.setField(field.spec.key, list)
                                        instName.text = ""
                                    }
                                }
                            }
                        }
                    }
                    Component {
                        id: tripEditor
                        ComboBox {
                            textRole: "label"
                            valueRole: "id"
                            font.pixelSize: 17
                            // Read once: trips on the visit's date first, then the most recent.
                            Component.onCompleted: {
                                const choices = [{ id: "", label: qsTr("否（不属于外出招商）") }].concat(Trips.choices(page.record.date || ""))
                                model = choices
                                // From the array itself: a visit opened on a trip shows that trip at once.
                                currentIndex = Math.max(0, choices.findIndex(c => c.id === (page.record[field.spec.key] || "")))
                            }
                            onActivated: page.setField(field.spec.key, currentValue)
                        }
                    }
                    Component {
                        id: tripVisitsEditor
                        ColumnLayout {
                            id: tripVisits
                            // Read again whenever the store changes (a visit saved on top of this form).
                            property int revision: 0
                            readonly property var listed: page.record[field.spec.key] || []
                            readonly property var made: { revision; return Trips.visits(page.record.id, listed) }
                            readonly property var candidates: { revision; return Trips.candidates(page.record.id || "", page.record.start || "", page.record.end || "", page.record.members || [], listed) }
                            Connections {
                                target: Session.store
                                function onChanged() { tripVisits.revision += 1 }
                            }
                            Label {
                                visible: tripVisits.made.length === 0
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                                text: qsTr("还没有本次外出的拜访记录")
                                color: "#777"
                            }
                            Repeater {
                                model: tripVisits.made
                                RowLayout {
                                    id: made
                                    required property var modelData
                                    Layout.fillWidth: true
                                    Label {
                                        Layout.fillWidth: true
                                        wrapMode: Text.Wrap
                                        text: Format.date(made.modelData.date || "") + "  " + made.modelData.enterpriseName
                                              + (made.modelData.purpose ? " · " + made.modelData.purpose : "")
                                              + (made.modelData.checkedIn ? qsTr(" · 已签到") : "")
                                    }
                                    Label {
                                        visible: made.modelData.fromVisit
                                        Layout.maximumWidth: 110
                                        wrapMode: Text.Wrap
                                        text: qsTr("拜访记录中已选本次外出")
                                        color: "#555"
                                    }
                                    Button {
                                        visible: !made.modelData.fromVisit
                                        text: qsTr("移出")
                                        onClicked: page.setField(field.spec.key, tripVisits.listed.filter(id => id !== made.modelData.id))
                                    }
                                }
                            }
                            Button {
                                text: qsTr("新建本次外出的拜访")
                                onClicked: page.addVisitOnTrip()
                            }
                            Label {
                                visible: tripVisits.candidates.length > 0
                                Layout.topMargin: 6
                                text: qsTr("外出期间的其他拜访，可加入本次外出：")
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                                color: "#555"
                            }
                            Repeater {
                                model: tripVisits.candidates
                                RowLayout {
                                    id: candidate
                                    required property var modelData
                                    Layout.fillWidth: true
                                    Label {
                                        Layout.fillWidth: true
                                        wrapMode: Text.Wrap
                                        text: Format.date(candidate.modelData.date) + "  " + candidate.modelData.enterpriseName
                                              + (candidate.modelData.purpose ? " · " + candidate.modelData.purpose : "")
                                    }
                                    Button {
                                        text: qsTr("加入")
                                        onClicked: page.setField(field.spec.key, tripVisits.listed.concat([candidate.modelData.id]))
                                    }
                                }
                            }
                        }
                    }
                    Component {
                        id: unitEditor
                        UnitPicker {
                            unit: page.record.credit ? page.record.credit.unit : ""
                            onChosen: (code) => page.setField(field.spec.key, { unit: code, people: [] })
                        }
                    }
                    Component {
                        id: projectsEditor
                        ProjectsPicker {
                            chosen: page.record[field.spec.key] || []
                            onChangedTo: (ids) => page.setField(field.spec.key, ids)
                        }
                    }
                    Component {
                        id: attachmentsEditor
                        ProofField {
                            attachments: page.record[field.spec.key] || []
                            onPicked: (file) => editor.attach(field.spec.key, file)
                            onRemoved: (index) => {
                                let list = page.record[field.spec.key].slice()
                                list.splice(index, 1)
                                page.setField(field.spec.key, list)
                            }
                        }
                    }
                    Component {
                        id: checkInEditor
                        ColumnLayout {
                            // One state on the screen: the panel shows the stored check-in (or the
                            // reason for none) through its controller, never beside a live one.
                            CheckInPanel {
                                Layout.fillWidth: true
                                controller: CheckInController { id: checkIn }
                                farReason: page.record.farCheckInReason || ""
                                Component.onCompleted: {
                                    page.checkInController = checkIn
                                    if (page.record.checkIn)
                                        checkIn.restore(page.record.checkIn)
                                    else if (page.record.noCheckInReason)
                                        checkIn.restoreGivenUp(page.record.noCheckInReason)
                                    else if (page.record.enterprise)
                                        editor.prepareCheckIn(checkIn, page.record.enterprise)
                                }
                                onAccepted: (json) => {
                                    if ((json.flags || []).indexOf("far_from_site") >= 0) {
                                        farDialog.checkIn = json
                                        farDialog.open()
                                        return
                                    }
                                    page.setField("checkIn", json)
                                    page.setField("farCheckInReason", "")
                                    page.setField("noCheckInReason", "")
                                }
                                onGaveUp: (reason) => { page.setField("checkIn", undefined); page.setField("farCheckInReason", ""); page.setField("noCheckInReason", reason) }
                            }
                        }
                    }

                    Label {
                        visible: field.hasError
                        width: parent.width
                        wrapMode: Text.Wrap
                        color: "#b00020"
                        text: page.fieldErrors[field.key] !== undefined ? page.fieldErrors[field.key] : page.errorMessage
                    }
                    // Filled in, but as it is the record will not count (shared/'s rule): said now,
                    // not only by the reviewer.
                    Label {
                        visible: !field.hasError && editor.warnings[field.key] !== undefined
                        width: parent.width
                        wrapMode: Text.Wrap
                        color: "#b26a00"
                        text: editor.warnings[field.key] !== undefined ? qsTr("注意：%1").arg(editor.warnings[field.key]) : ""
                    }
                }
            }

            Label {
                visible: page.errorField !== "" && page.errorMessage !== "" && !page.specs.some(s => page.errorField.startsWith(s.key))
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: "#b00020"
                text: qsTr("%1：%2").arg(page.errorField).arg(page.errorMessage)
            }

            RowLayout {
                Layout.topMargin: 12
                Button {
                    text: qsTr("保存")
                    highlighted: true
                    Layout.preferredHeight: 52
                    Layout.preferredWidth: 160
                    font.pixelSize: 18
                    onClicked: page.save()
                }
                Button {
                    text: qsTr("取消")
                    Layout.preferredHeight: 52
                    onClicked: page.leave()
                }
            }
            Item { Layout.preferredHeight: 24 }
        }
    }
}
