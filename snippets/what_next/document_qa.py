# Needs the transformers and pytesseract packages, the Tesseract program and internet
# access for the first download of the model, so the book's offline build only
# syntax-checks it:
# output-check: requires=transformers,pytesseract,program:tesseract,host:huggingface.co
# --8<-- [start:example]
"""Example 28: ask questions about a scanned document with a pretrained model."""

from PIL import Image, ImageDraw, ImageFont
from transformers import pipeline

# A small invoice, drawn here so the example needs no image download. A real scan or
# a photo works the same way: Image.open("invoice.png").
text_items = [  # (x, y, text, font size in pixels)
    (60, 50, "INVOICE", 56),
    (60, 140, "Invoice number: INV-2024-0173", 30),
    (60, 190, "Date: 12 March 2024", 30),
    (60, 240, "Bill to: Northwind Bakery, 5 Mill Lane, Leeds", 30),
    (60, 340, "Item", 30),
    (560, 340, "Qty", 30),
    (700, 340, "Amount", 30),
    (60, 390, "Flour, 25 kg sack", 30),
    (560, 390, "4", 30),
    (700, 390, "120.00", 30),
    (60, 440, "Oven cleaning", 30),
    (560, 440, "1", 30),
    (700, 440, "85.50", 30),
    (60, 540, "Total due: 205.50 EUR", 36),
    (60, 600, "Payment due by: 11 April 2024", 30),
]
invoice = Image.new("RGB", (1000, 700), "white")
draw = ImageDraw.Draw(invoice)
for x, y, text, size in text_items:
    draw.text((x, y), text, fill="black", font=ImageFont.load_default(size=size))

# One line builds the whole system: it downloads the model (a few hundred MB, once),
# runs Tesseract to find the words and their boxes on the page, and feeds words,
# positions and question to LayoutLM, which points at the answer among the words.
qa = pipeline("document-question-answering", model="impira/layoutlm-document-qa")

for question in [
    "What is the invoice number?",
    "What is the total due?",
    "Who is the invoice billed to?",
    "When is the payment due?",
]:
    best = qa(image=invoice, question=question)[0]  # answers come best first
    print(f"{question:<32} {best['answer']!r:<30} score {best['score']:.2f}")
