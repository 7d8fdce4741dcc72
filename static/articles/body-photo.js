// The body editor's "Photo" button: a photo from the library, placed between the body's
// blocks (never inside a paragraph) and stored by id with optional caption and credit
// overrides, the one form the server keeps (articles/photo_figures.py):
//   <figure data-photo="12" data-credit="…"><figcaption>…</figcaption></figure>
// Loaded by django-prose-editor's configurable preset (DJANGO_PROSE_EDITOR_EXTENSIONS).
import { crel, gettext, Node } from "django-prose-editor/editor"

const SEARCH_DELAY_MS = 200

async function getJSON(address, params) {
  const url = new URL(address, window.location.href)
  for (const [name, value] of params) url.searchParams.append(name, value)
  const response = await fetch(url, {
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  })
  if (!response.ok) throw new Error(`${response.status} from ${url.pathname}`)
  return response.json()
}

// A photo as the library shows it: its thumbnail, its whole caption and its credit, so
// that photos alike are told apart (the short `text` is the caption cut off).
function photoLabel({ text, thumbnail, caption, credit }) {
  const label = crel("span", { className: "body-photo__label" })
  if (thumbnail) {
    label.append(
      crel("img", { src: thumbnail, alt: "", width: 64, height: 64 }),
    )
  }
  const words = crel("span", { className: "body-photo__words" }, [
    crel("span", { textContent: caption || text || gettext("(no caption)") }),
  ])
  if (credit) words.append(crel("span", { className: "body-photo__credit", textContent: credit }))
  label.append(words)
  return label
}

// After the top-level block holding the cursor: between paragraphs, whatever is selected.
function placeBetweenBlocks(editor, photoId) {
  const { $to } = editor.state.selection
  const position = $to.depth > 0 ? $to.after(1) : $to.pos
  editor
    .chain()
    .insertContentAt(position, { type: "bodyPhoto", attrs: { photo: photoId } })
    .focus()
    .run()
}

function openPicker(editor, searchUrl) {
  const search = crel("input", { type: "search", autocomplete: "off" })
  const results = crel("ul", { className: "body-photo-picker__results" })
  const status = crel("p", { className: "body-photo-picker__status", role: "status" })
  const cancel = crel("button", { type: "button", textContent: gettext("Cancel") })
  const dialog = crel(
    "dialog",
    { className: "body-photo-picker", "aria-label": gettext("Photo from the library") },
    [
      crel("h2", { textContent: gettext("Photo from the library") }),
      crel("label", {}, [gettext("Search the library"), search]),
      status,
      results,
      cancel,
    ],
  )
  let pending
  let asked = 0

  async function find() {
    const asking = ++asked
    status.textContent = gettext("Searching…")
    try {
      const { results: photos } = await getJSON(searchUrl, [
        ["app_label", "articles"],
        ["model_name", "article"],
        ["field_name", "lead_photo"],
        ["term", search.value.trim()],
      ])
      if (asking !== asked) return // a later search answers instead
      results.replaceChildren(
        ...photos.map((photo) => {
          const choose = crel("button", { type: "button" }, [photoLabel(photo)])
          choose.addEventListener("click", () => {
            dialog.close()
            placeBetweenBlocks(editor, String(photo.id))
          })
          return crel("li", {}, [choose])
        }),
      )
      status.textContent = photos.length ? "" : gettext("No photo matches.")
    } catch (error) {
      status.textContent = gettext("The library could not be searched. Try again.")
      console.error(error)
    }
  }

  search.addEventListener("input", () => {
    clearTimeout(pending)
    pending = setTimeout(find, SEARCH_DELAY_MS)
  })
  cancel.addEventListener("click", () => dialog.close())
  dialog.addEventListener("close", () => dialog.remove())
  document.body.append(dialog)
  dialog.showModal()
  find()
}

// A text box for one override, saved into the node as the editor types.
function overrideInput(label, value) {
  const input = crel("input", { type: "text", value })
  return { input, field: crel("label", {}, [label, input]) }
}

export const BodyPhoto = Node.create({
  name: "bodyPhoto",
  group: "block",
  atom: true,
  draggable: true,

  addOptions() {
    return { searchUrl: "", lookupUrl: "" }
  },

  addAttributes() {
    return {
      photo: {
        default: null,
        parseHTML: (element) => element.dataset.photo,
        renderHTML: ({ photo }) => ({ "data-photo": photo }),
      },
      credit: {
        default: "",
        parseHTML: (element) => element.dataset.credit || "",
        renderHTML: ({ credit }) => (credit.trim() ? { "data-credit": credit.trim() } : {}),
      },
      caption: {
        default: "",
        parseHTML: (element) => element.querySelector("figcaption")?.textContent || "",
        renderHTML: () => ({}),
      },
    }
  },

  parseHTML() {
    return [{ tag: "figure[data-photo]" }]
  },

  renderHTML({ node, HTMLAttributes }) {
    const caption = node.attrs.caption.trim()
    return caption
      ? ["figure", HTMLAttributes, ["figcaption", caption]]
      : ["figure", HTMLAttributes]
  },

  addNodeView() {
    const { lookupUrl } = this.options
    return ({ node: shown, editor, getPos }) => {
      let node = shown
      const preview = crel("div", { className: "body-photo__preview" }, [
        crel("span", { textContent: gettext("Photo") + ` ${node.attrs.photo}` }),
      ])
      const caption = overrideInput(gettext("Caption for this article"), node.attrs.caption)
      const credit = overrideInput(gettext("Credit for this article"), node.attrs.credit)
      const dom = crel(
        "figure",
        { className: "body-photo", contentEditable: false, "data-photo": node.attrs.photo },
        [preview, caption.field, credit.field],
      )
      for (const [name, { input }] of Object.entries({ caption, credit })) {
        input.disabled = !editor.isEditable
        input.addEventListener("input", () => {
          const position = getPos()
          if (typeof position !== "number") return
          const { tr } = editor.state
          editor.view.dispatch(tr.setNodeAttribute(position, name, input.value))
        })
      }
      getJSON(lookupUrl, [["id", node.attrs.photo]])
        .then(({ photos: [photo] }) => {
          if (!photo) {
            preview.replaceChildren(
              gettext("This photo is no longer in the library: readers see nothing here."),
            )
            return
          }
          preview.replaceChildren(photoLabel(photo))
          const own = gettext("Empty: the photo's own")
          caption.input.placeholder = `${own}: ${photo.caption || "—"}`
          credit.input.placeholder = `${own}: ${photo.credit || "—"}`
        })
        .catch((error) => console.error(error))

      return {
        dom,
        update(updated) {
          if (updated.type !== node.type || updated.attrs.photo !== node.attrs.photo) {
            return false
          }
          node = updated
          for (const [name, { input }] of Object.entries({ caption, credit })) {
            if (input.value !== node.attrs[name]) input.value = node.attrs[name]
          }
          return true
        },
        // The text boxes are the figure's own: ProseMirror leaves their events alone.
        stopEvent: (event) => event.target instanceof HTMLInputElement,
        ignoreMutation: () => true,
      }
    }
  },

  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: "bodyPhoto",
      groups: "nodes",
      command: (editor) => openPicker(editor, this.options.searchUrl),
      button: buttons.material("add_photo_alternate", gettext("Photo")),
    })
  },
})
