// Finding items in a page as a person sees them: every object below `item` (visual children,
// and the popups and dialogs a component declares), and the visible text that contains `text`.
.pragma library

function all(item, out) {
    if (!item)
        return out
    out.push(item)
    const kids = item.data !== undefined ? item.data : (item.children || [])
    for (let i = 0; i < kids.length; ++i)
        all(kids[i], out)
    if (item.contentItem !== undefined && item.contentItem !== null && out.indexOf(item.contentItem) < 0)
        all(item.contentItem, out)
    return out
}

function find(item, pred) {
    const found = all(item, []).filter(pred)
    return found.length > 0 ? found[0] : null
}

function textWith(item, text) {
    return find(item, o => o.text !== undefined && typeof o.text === "string" && o.visible === true && o.text.indexOf(text) >= 0)
}
