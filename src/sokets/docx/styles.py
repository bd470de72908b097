"""The style sheet of every sokets document: Times New Roman, Nghị định 30/2020/NĐ-CP sizes.

Formatting that must survive every editor lives in paragraph styles: LibreOffice (7.4) drops the
direct run formatting of the first paragraph inside a block-level content control, but keeps what
the paragraph's style says.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import parse_xml

from sokets.docx.composer import W_NS, w

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 12

_STYLES = f"""
<w:styles xmlns:w="{W_NS}">
 <w:docDefaults>
  <w:rPrDefault><w:rPr>
   <w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>
   <w:sz w:val="{BODY_PT * 2}"/><w:szCs w:val="{BODY_PT * 2}"/>
   <w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/>
  </w:rPr></w:rPrDefault>
  <w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>
 </w:docDefaults>
 <w:style w:type="paragraph" w:default="1" w:styleId="Normal">
  <w:name w:val="Normal"/><w:qFormat/>
  <w:pPr><w:spacing w:before="0" w:after="120" w:line="276" w:lineRule="auto"/>
   <w:ind w:firstLine="720"/><w:jc w:val="both"/></w:pPr>
  <w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>
   <w:sz w:val="{BODY_PT * 2}"/><w:szCs w:val="{BODY_PT * 2}"/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsHeading1">
  <w:name w:val="Sokets Heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
  <w:pPr><w:keepNext/><w:spacing w:before="120"/><w:outlineLvl w:val="0"/></w:pPr>
  <w:rPr><w:b/><w:bCs/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsHeading2">
  <w:name w:val="Sokets Heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
  <w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr>
  <w:rPr><w:b/><w:bCs/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsHeading3">
  <w:name w:val="Sokets Heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
  <w:pPr><w:keepNext/><w:outlineLvl w:val="2"/></w:pPr>
  <w:rPr><w:b/><w:bCs/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsHeading4">
  <w:name w:val="Sokets Heading 4"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
  <w:pPr><w:keepNext/><w:outlineLvl w:val="3"/></w:pPr>
  <w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsBullet">
  <w:name w:val="Sokets Bullet"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
  <w:pPr><w:keepNext/></w:pPr>
  <w:rPr><w:i/><w:iCs/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsGuidance">
  <w:name w:val="Sokets Guidance"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
  <w:pPr><w:keepNext/></w:pPr>
  <w:rPr><w:i/><w:iCs/><w:color w:val="595959"/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsCentered">
  <w:name w:val="Sokets Centered"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:keepNext/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>
   <w:ind w:firstLine="0"/><w:jc w:val="center"/></w:pPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsTitle">
  <w:name w:val="Sokets Title"/><w:basedOn w:val="SoketsCentered"/><w:next w:val="Normal"/>
  <w:pPr><w:spacing w:before="360"/></w:pPr>
  <w:rPr><w:b/><w:bCs/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsSubject">
  <w:name w:val="Sokets Subject"/><w:basedOn w:val="SoketsCentered"/><w:next w:val="Normal"/>
  <w:rPr><w:b/><w:bCs/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsRule">
  <w:name w:val="Sokets Rule"/><w:basedOn w:val="SoketsCentered"/>
  <w:rPr><w:sz w:val="4"/><w:szCs w:val="4"/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsHeader">
  <w:name w:val="Sokets Header Block"/><w:basedOn w:val="SoketsCentered"/>
  <w:pPr><w:keepNext w:val="0"/></w:pPr>
  <w:rPr><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsHeaderBold">
  <w:name w:val="Sokets Header Bold"/><w:basedOn w:val="SoketsHeader"/>
  <w:rPr><w:b/><w:bCs/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsMotto">
  <w:name w:val="Sokets Motto"/><w:basedOn w:val="SoketsHeaderBold"/>
  <w:rPr><w:sz w:val="{BODY_PT * 2}"/><w:szCs w:val="{BODY_PT * 2}"/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsPlaceDate">
  <w:name w:val="Sokets Place Date"/><w:basedOn w:val="SoketsHeader"/>
  <w:rPr><w:i/><w:iCs/><w:sz w:val="{BODY_PT * 2}"/><w:szCs w:val="{BODY_PT * 2}"/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsSigner">
  <w:name w:val="Sokets Signer"/><w:basedOn w:val="SoketsCentered"/>
  <w:pPr><w:keepNext/></w:pPr>
  <w:rPr><w:b/><w:bCs/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsSignerCaps">
  <w:name w:val="Sokets Signer Capitals"/><w:basedOn w:val="SoketsSigner"/>
  <w:rPr><w:caps/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsLabel">
  <w:name w:val="Sokets Label"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
  <w:pPr><w:keepNext/></w:pPr>
  <w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsRecipients">
  <w:name w:val="Sokets Recipients"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:keepNext/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>
   <w:ind w:firstLine="0"/><w:jc w:val="left"/></w:pPr>
  <w:rPr><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsTableText">
  <w:name w:val="Sokets Table Text"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/>
   <w:ind w:firstLine="0"/><w:jc w:val="left"/></w:pPr>
  <w:rPr><w:sz w:val="{TABLE_PT * 2}"/><w:szCs w:val="{TABLE_PT * 2}"/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsTableHeading">
  <w:name w:val="Sokets Table Heading"/><w:basedOn w:val="SoketsTableText"/>
  <w:pPr><w:keepNext/><w:jc w:val="center"/></w:pPr>
  <w:rPr><w:b/><w:bCs/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsTableGap">
  <w:name w:val="Sokets Table Gap"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:sz w:val="12"/><w:szCs w:val="12"/></w:rPr>
 </w:style>
 <w:style w:type="paragraph" w:customStyle="1" w:styleId="SoketsPageNumber">
  <w:name w:val="Sokets Page Number"/><w:basedOn w:val="SoketsCentered"/>
 </w:style>
 <w:style w:type="character" w:styleId="PlaceholderText">
  <w:name w:val="Placeholder Text"/><w:uiPriority w:val="99"/><w:semiHidden/>
  <w:rPr><w:color w:val="808080"/></w:rPr>
 </w:style>
</w:styles>
"""

#: Styles by outline number kind: "A." parts, "I." sections, "1." articles, "a)" points.
HEADING_STYLES = {
    "part": "SoketsHeading1",
    "section": "SoketsHeading2",
    "article": "SoketsHeading3",
    "point": "SoketsHeading4",
    "bullet": "SoketsBullet",
}


def install_styles(document: Any) -> None:
    """Replace the template's defaults and add the sokets styles (fonts: Times New Roman)."""
    styles = document.styles.element
    ours = parse_xml(_STYLES)
    old_defaults = styles.find(w("docDefaults"))
    if old_defaults is not None:
        styles.replace(old_defaults, ours.find(w("docDefaults")))
    by_id = {s.get(w("styleId")): s for s in styles.iterfind(w("style"))}
    for style in list(ours.iterfind(w("style"))):
        existing = by_id.get(style.get(w("styleId")))
        if existing is not None:
            styles.replace(existing, style)
        else:
            styles.append(style)
    # The template's other styles name theme fonts (Calibri, Cambria): point them at ours.
    for fonts in styles.iter(w("rFonts")):
        for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(w(attr), None)
        for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
            fonts.set(w(attr), FONT)
